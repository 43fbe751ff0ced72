using System.Threading.Channels;
using Microneedling.Storage.Reminders;

namespace Microneedling.Functions.Reminders;

public sealed class ChangeEmailOptions
{
    public const string Section = "Reminders";

    /// <summary>Send a booking change's email as soon as the change is stored (default), not only at the next sweep.</summary>
    public bool SendChangeEmailsAtOnce { get; set; } = true;
}

/// <summary>
/// Change emails (confirmation, reschedule, cancellation) waiting to be sent at once, in lanes by
/// booking so one booking's emails go in the order they were scheduled. Full lanes drop: the row is
/// stored before it is queued, so the sweep sends whatever this queue does not.
/// </summary>
public sealed class ChangeEmailQueue
{
    public const int Lanes = 4;
    private const int Capacity = 1024;

    private readonly Channel<ReminderEntity>[] _lanes = [.. Enumerable.Range(0, Lanes).Select(_ => Channel.CreateBounded<ReminderEntity>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true }))];

    private int _pending;

    public int Pending => Volatile.Read(ref _pending);

    public void Enqueue(ReminderEntity reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        if (_lanes[(int)((uint)StringComparer.Ordinal.GetHashCode(reminder.BookingId) % Lanes)].Writer.TryWrite(reminder))
        {
            Interlocked.Increment(ref _pending);
        }
    }

    public ChannelReader<ReminderEntity> Lane(int lane) => _lanes[lane].Reader;

    internal void Done() => Interlocked.Decrement(ref _pending);
}
