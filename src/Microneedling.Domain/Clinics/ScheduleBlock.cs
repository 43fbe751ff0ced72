using NodaTime;

namespace Microneedling.Domain.Clinics;

/// <summary>
/// The unit in which a practitioner's time is claimed. Every start, duration, buffer and shift start
/// is a multiple of it, so blocks of two bookings overlap exactly when the bookings do.
/// </summary>
public static class ScheduleBlock
{
    public const int Minutes = 5;

    public static readonly Duration Length = Duration.FromMinutes(Minutes);

    /// <summary>The starts of the blocks covering [start, end).</summary>
    public static IEnumerable<Instant> Covering(Instant start, Instant end)
    {
        var ticks = Length.BclCompatibleTicks;
        var first = Instant.FromUnixTimeTicks(start.ToUnixTimeTicks() / ticks * ticks);
        for (var block = first; block < end; block += Length)
        {
            yield return block;
        }
    }
}
