using System.Collections.Concurrent;
using Azure;
using Microneedling.Storage.Entities;

namespace Microneedling.Storage.Bookings;

/// <summary>
/// The last version of each schedule day row that this process read or wrote (its text and ETag, or
/// that it was absent), so a claim can go straight to its conditional write. An entry may be stale
/// (another instance wrote since); only a conditional write that succeeds proves it was current, so
/// anything else decided from an entry (a refusal, nothing to write) has to be confirmed by a read.
/// </summary>
internal sealed class KnownDays
{
    /// <summary>Two years of days for twenty practitioners; past that it starts empty again (an entry only saves a read).</summary>
    private const int Capacity = 16_384;

    private readonly ConcurrentDictionary<(string Practitioner, string Day), Known> _days = new();

    /// <summary>A copy of what is remembered for the day: found (maybe absent) or unknown.</summary>
    public bool TryGet(string practitionerId, string key, out ScheduleDayEntity? day)
    {
        day = null;
        if (!_days.TryGetValue((practitionerId, key), out var known))
        {
            return false;
        }

        if (known.Sessions is not null)
        {
            day = new ScheduleDayEntity { PartitionKey = practitionerId, RowKey = key, Sessions = known.Sessions, ETag = known.ETag };
        }

        return true;
    }

    /// <summary>Remembers the day as read or written; null means it does not exist.</summary>
    public void Remember(string practitionerId, string key, ScheduleDayEntity? day)
    {
        if (day is not null && day.ETag == default)
        {
            Forget(practitionerId, key);
            return;
        }

        if (_days.Count >= Capacity)
        {
            _days.Clear();
        }

        _days[(practitionerId, key)] = new Known(day?.Sessions, day?.ETag ?? default);
    }

    public void Forget(string practitionerId, string key) => _days.TryRemove((practitionerId, key), out _);

    private sealed record Known(string? Sessions, ETag ETag);
}
