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
/// Change emails (confirmation, reschedule, cancellation) waiting to be sent at once, in the order
/// they were scheduled, by one reader: at a clinic's traffic one is plenty, and under load more
/// readers take the cores from the bookings themselves (docs/benchmarks.md). When full it drops:
/// the row is stored before it is queued, so the sweep sends whatever this queue does not.
/// </summary>
public sealed class ChangeEmailQueue
{
    private const int Capacity = 1024;

    private readonly Channel<ReminderEntity> _channel = Channel.CreateBounded<ReminderEntity>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private int _pending;

    public int Pending => Volatile.Read(ref _pending);

    public void Enqueue(ReminderEntity reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        if (_channel.Writer.TryWrite(reminder))
        {
            Interlocked.Increment(ref _pending);
        }
    }

    public ChannelReader<ReminderEntity> Reader => _channel.Reader;

    internal void Done() => Interlocked.Decrement(ref _pending);
}
