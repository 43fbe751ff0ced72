namespace Microneedling.Storage.Bookings;

public enum BookingChange
{
    Created,
    Rescheduled,
    Cancelled,
}

/// <summary>
/// Work that must follow a booking change (scheduling its emails). The workflow runs it before it
/// removes the change's intent, and the recovery sweep runs it again for changes a crash
/// interrupted, so it must be idempotent.
/// </summary>
public interface IBookingFollowUp
{
    Task OnChangedAsync(StoredBooking booking, BookingChange change, IReadOnlyCollection<int> sessionNumbers, DateTimeOffset now, CancellationToken cancellationToken);
}

public sealed class NoFollowUp : IBookingFollowUp
{
    public Task OnChangedAsync(StoredBooking booking, BookingChange change, IReadOnlyCollection<int> sessionNumbers, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
