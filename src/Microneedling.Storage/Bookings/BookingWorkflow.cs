using Azure;
using Microneedling.Storage.Entities;

namespace Microneedling.Storage.Bookings;

public enum WriteOutcome
{
    Done,

    /// <summary>Another booking holds the time asked for.</summary>
    SlotTaken,

    /// <summary>The booking changed (or was recovered) meanwhile; read it again and retry.</summary>
    Conflict,
}

public sealed record WriteResult(WriteOutcome Outcome, StoredBooking? Booking = null, int? SessionNumber = null);

/// <summary>
/// The write protocols for bookings. A change that spans partitions (the booking's own, the
/// practitioners' schedules) first records an intent listing every claim it may leave behind,
/// then makes its writes, then removes the intent. If the process dies in between, the
/// <see cref="RecoverAsync"/> sweep finds the intent and converges the schedule to what the booking
/// says; a booking that was never written gets a tombstone (so a writer still alive cannot
/// write it later) and its claims are released.
/// </summary>
public sealed class BookingWorkflow(BookingRepository bookings, ScheduleRepository schedule, RecoveryRepository recovery, IBookingFollowUp followUp)
{
    /// <summary>How long an intent is left to its writer before the sweep takes over.</summary>
    public static readonly TimeSpan WriterGrace = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Intent, claims, then the booking (confirmed, with the receipt if given), then intent removal.
    /// A crash before the booking is written leaves claims the sweep releases; a retry with the
    /// same booking id finds its own claims and carries on.
    /// </summary>
    public async Task<WriteResult> CreateAsync(BookingEntity header, IReadOnlyList<SessionEntity> sessions, ReceiptEntity? receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(sessions);
        var claims = sessions.Select(s => ClaimOf(header.Id, header.LocationId, s)).ToList();
        var numbers = sessions.Select(s => s.Number).ToList();
        var intent = await recovery.AddAsync(header.Id, claims, BookingChange.Created, numbers, header.CreatedAt, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < claims.Count; i++)
        {
            if (await schedule.ClaimAsync(claims[i], cancellationToken).ConfigureAwait(false) == ClaimOutcome.Taken)
            {
                foreach (var claimed in claims.Take(i))
                {
                    await schedule.ReleaseAsync(claimed, cancellationToken).ConfigureAwait(false);
                }

                await recovery.RemoveAsync(intent, cancellationToken).ConfigureAwait(false);
                return new WriteResult(WriteOutcome.SlotTaken, null, claims[i].SessionNumber);
            }
        }

        header.Status = BookingStatus.Confirmed;
        if (!await bookings.AddAsync(header, sessions, receipt, cancellationToken).ConfigureAwait(false))
        {
            var existing = await bookings.GetAsync(header.Id, cancellationToken).ConfigureAwait(false);
            if (existing?.Header.Status != BookingStatus.Confirmed)
            {
                // The sweep judged this writer dead and wrote its tombstone: give back what it just claimed.
                foreach (var claim in claims)
                {
                    await schedule.ReleaseAsync(claim, cancellationToken).ConfigureAwait(false);
                }

                await recovery.RemoveAsync(intent, cancellationToken).ConfigureAwait(false);
                return new WriteResult(WriteOutcome.Conflict);
            }

            await followUp.OnChangedAsync(existing, BookingChange.Created, numbers, header.CreatedAt, cancellationToken).ConfigureAwait(false);
            await recovery.RemoveAsync(intent, cancellationToken).ConfigureAwait(false);
            return new WriteResult(WriteOutcome.Done, existing);
        }

        var created = new StoredBooking(header, sessions);
        await followUp.OnChangedAsync(created, BookingChange.Created, numbers, header.CreatedAt, cancellationToken).ConfigureAwait(false);
        await recovery.RemoveAsync(intent, cancellationToken).ConfigureAwait(false);
        return new WriteResult(WriteOutcome.Done, created);
    }

    /// <summary>Moves one session to a new time (and maybe practitioner), raising its calendar sequence.</summary>
    public async Task<WriteResult> RescheduleAsync(StoredBooking booking, int sessionNumber, string practitionerId, DateTimeOffset start, DateTimeOffset end, DateTimeOffset blockedUntil, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(booking);
        var session = booking.Session(sessionNumber) ?? throw new ArgumentOutOfRangeException(nameof(sessionNumber));
        var bookingId = booking.Header.Id;
        var from = ClaimOf(bookingId, booking.Header.LocationId, session);
        var to = new SessionClaim(practitionerId, bookingId, sessionNumber, booking.Header.LocationId, start, end, blockedUntil);
        var intent = await recovery.AddAsync(bookingId, [from, to], BookingChange.Rescheduled, [sessionNumber], now, cancellationToken).ConfigureAwait(false);

        var samePractitioner = from.PractitionerId == to.PractitionerId;
        var claimed = samePractitioner
            ? await schedule.MoveAsync(from, to, cancellationToken).ConfigureAwait(false)
            : await schedule.ClaimAsync(to, cancellationToken).ConfigureAwait(false);
        if (claimed == ClaimOutcome.Taken)
        {
            await recovery.RemoveAsync(intent, cancellationToken).ConfigureAwait(false);
            return new WriteResult(WriteOutcome.SlotTaken, booking, sessionNumber);
        }

        session.PractitionerId = practitionerId;
        session.Start = start;
        session.End = end;
        session.BlockedUntil = blockedUntil;
        session.Sequence++;
        booking.Header.UpdatedAt = now;
        try
        {
            await bookings.SaveAsync(booking.Header, [session], cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (BookingRepository.IsConcurrencyFailure(ex))
        {
            // The booking changed under us: the intent stays for the sweep, which keeps whichever
            // claim the booking now names and releases the other.
            return new WriteResult(WriteOutcome.Conflict);
        }

        if (!samePractitioner)
        {
            await schedule.ReleaseAsync(from, cancellationToken).ConfigureAwait(false);
        }

        await followUp.OnChangedAsync(booking, BookingChange.Rescheduled, [sessionNumber], now, cancellationToken).ConfigureAwait(false);
        await recovery.RemoveAsync(intent, cancellationToken).ConfigureAwait(false);
        return new WriteResult(WriteOutcome.Done, booking);
    }

    /// <summary>Cancels the given sessions (the whole booking when all are cancelled) and frees their time.</summary>
    public async Task<WriteResult> CancelAsync(StoredBooking booking, IReadOnlyCollection<int> sessionNumbers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(sessionNumbers);
        var bookingId = booking.Header.Id;
        var cancelling = booking.Sessions.Where(s => sessionNumbers.Contains(s.Number) && s.Status == SessionStatus.Booked).ToList();
        var claims = cancelling.Select(s => ClaimOf(bookingId, booking.Header.LocationId, s)).ToList();
        var intent = await recovery.AddAsync(bookingId, claims, BookingChange.Cancelled, [.. cancelling.Select(s => s.Number)], now, cancellationToken).ConfigureAwait(false);
        foreach (var session in cancelling)
        {
            session.Status = SessionStatus.Cancelled;
            session.Sequence++;
        }

        if (booking.Sessions.All(s => s.Status is SessionStatus.Cancelled))
        {
            booking.Header.Status = BookingStatus.Cancelled;
        }

        booking.Header.UpdatedAt = now;
        try
        {
            await bookings.SaveAsync(booking.Header, cancelling, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (BookingRepository.IsConcurrencyFailure(ex))
        {
            await recovery.RemoveAsync(intent, cancellationToken).ConfigureAwait(false);
            return new WriteResult(WriteOutcome.Conflict);
        }

        foreach (var claim in claims)
        {
            await schedule.ReleaseAsync(claim, cancellationToken).ConfigureAwait(false);
        }

        await followUp.OnChangedAsync(booking, BookingChange.Cancelled, [.. cancelling.Select(s => s.Number)], now, cancellationToken).ConfigureAwait(false);
        await recovery.RemoveAsync(intent, cancellationToken).ConfigureAwait(false);
        return new WriteResult(WriteOutcome.Done, booking);
    }

    /// <summary>
    /// Finishes or undoes what dead writers left: for each intent older than the grace period, the
    /// schedule is made to match the booking. Safe to run concurrently and repeatedly.
    /// </summary>
    public async Task<int> RecoverAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var intents = await recovery.OlderThanAsync(now - WriterGrace, cancellationToken).ConfigureAwait(false);
        foreach (var intent in intents)
        {
            var booking = await bookings.GetAsync(intent.BookingId, cancellationToken).ConfigureAwait(false);
            if (booking is null && !await bookings.AddTombstoneAsync(intent.BookingId, now, cancellationToken).ConfigureAwait(false))
            {
                booking = await bookings.GetAsync(intent.BookingId, cancellationToken).ConfigureAwait(false); // its writer finished meanwhile
            }

            // Release first: a half-done move leaves old and new claims overlapping, and the one
            // the booking names can only be claimed again once the other is gone.
            foreach (var claim in intent.Claims.Where(c => !Holds(booking, c)))
            {
                await schedule.ReleaseAsync(claim, cancellationToken).ConfigureAwait(false);
            }

            foreach (var claim in intent.Claims.Where(c => Holds(booking, c)))
            {
                await schedule.ClaimAsync(claim, cancellationToken).ConfigureAwait(false);
            }

            if (booking?.Header.Status is BookingStatus.Confirmed or BookingStatus.Cancelled)
            {
                await followUp.OnChangedAsync(booking, intent.Change, intent.Sessions, now, cancellationToken).ConfigureAwait(false);
            }

            await recovery.RemoveAsync(intent, cancellationToken).ConfigureAwait(false);
        }

        return intents.Count;
    }

    /// <summary>Whether the booking, as stored, still has this claim's session at this time.</summary>
    private static bool Holds(StoredBooking? booking, SessionClaim claim) =>
        booking?.Header.Status == BookingStatus.Confirmed
        && booking.Session(claim.SessionNumber) is { } s
        && s.Status != SessionStatus.Cancelled
        && s.PractitionerId == claim.PractitionerId
        && s.Start == claim.Start;

    public static SessionClaim ClaimOf(string bookingId, string locationId, SessionEntity session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new SessionClaim(session.PractitionerId, bookingId, session.Number, locationId, session.Start, session.End, session.BlockedUntil);
    }
}
