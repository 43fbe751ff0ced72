using Microneedling.Storage.Bookings;
using Microneedling.Storage.Entities;
using Microneedling.Testing;

namespace Microneedling.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class RescheduleAndCancelTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private async Task<StoredBooking> BookAsync(string id, params (string, DateTimeOffset)[] sessions)
    {
        var b = NewBooking(id, sessions);
        var result = await Workflow.CreateAsync(b.Header, b.Sessions, null, CancellationToken.None);
        Assert.Equal(WriteOutcome.Done, result.Outcome);
        return result.Booking!;
    }

    [Fact]
    public async Task Moving_by_fifteen_minutes_overlaps_only_itself_and_raises_the_sequence()
    {
        var booking = await BookAsync("bk_move", ("amira", Monday9));
        var start = Monday9.AddMinutes(15);

        var result = await Workflow.RescheduleAsync(booking, 1, "amira", start, start.AddMinutes(60), start.AddMinutes(75), Now, CancellationToken.None);

        Assert.Equal(WriteOutcome.Done, result.Outcome);
        var session = result.Booking!.Session(1)!;
        Assert.Equal((start, 1), (session.Start, session.Sequence));
        Assert.Equal(1, await SessionRowsAsync("amira"));
        Assert.Equal(1, await DayRowsAsync("amira"));
        var freed = NewBooking("bk_freed", ("amira", Monday9.AddMinutes(-75)));
        Assert.Equal(WriteOutcome.Done, (await Workflow.CreateAsync(freed.Header, freed.Sessions, null, CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task Moving_to_another_practitioner_frees_the_first()
    {
        var booking = await BookAsync("bk_switch", ("amira", Monday9));

        var result = await Workflow.RescheduleAsync(booking, 1, "ben", Monday9, Monday9.AddMinutes(60), Monday9.AddMinutes(75), Now, CancellationToken.None);

        Assert.Equal(WriteOutcome.Done, result.Outcome);
        Assert.Equal((0, 0), (await SessionRowsAsync("amira"), await DayRowsAsync("amira")));
        Assert.Equal((1, 1), (await SessionRowsAsync("ben"), await DayRowsAsync("ben")));
    }

    [Fact]
    public async Task Moving_onto_someone_elses_time_changes_nothing()
    {
        var mine = await BookAsync("bk_mine", ("amira", Monday9));
        await BookAsync("bk_theirs", ("amira", Monday9.AddHours(2)));

        var result = await Workflow.RescheduleAsync(mine, 1, "amira", Monday9.AddHours(2), Monday9.AddHours(3), Monday9.AddMinutes(195), Now, CancellationToken.None);

        Assert.Equal(WriteOutcome.SlotTaken, result.Outcome);
        var stored = await Bookings.GetAsync("bk_mine", CancellationToken.None);
        Assert.Equal((Monday9, 0), (stored!.Session(1)!.Start, stored.Session(1)!.Sequence));
        Assert.Equal((2, 1), (await SessionRowsAsync("amira"), await DayRowsAsync("amira")));
    }

    [Fact]
    public async Task Cancelling_frees_the_time_and_raises_the_sequence()
    {
        var booking = await BookAsync("bk_cancel", ("amira", Monday9), ("amira", Monday9.AddDays(28)));

        var partial = await Workflow.CancelAsync(booking, [2], Now, CancellationToken.None);
        var statusAfterOne = partial.Booking!.Header.Status;
        var all = await Workflow.CancelAsync(partial.Booking, [1, 2], Now, CancellationToken.None);

        Assert.Equal(BookingStatus.Confirmed, statusAfterOne);
        Assert.Equal(BookingStatus.Cancelled, all.Booking!.Header.Status);
        Assert.All(all.Booking.Sessions, s => Assert.Equal((SessionStatus.Cancelled, 1), (s.Status, s.Sequence)));
        Assert.Equal((0, 0), (await SessionRowsAsync("amira"), await DayRowsAsync("amira")));
        var again = NewBooking("bk_again", ("amira", Monday9));
        Assert.Equal(WriteOutcome.Done, (await Workflow.CreateAsync(again.Header, again.Sessions, null, CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task A_stale_copy_cannot_overwrite_a_newer_change()
    {
        var booking = await BookAsync("bk_stale", ("amira", Monday9));
        var stale = (await Bookings.GetAsync("bk_stale", CancellationToken.None))!;
        await Workflow.CancelAsync(booking, [1], Now, CancellationToken.None);

        var result = await Workflow.CancelAsync(stale, [1], Now, CancellationToken.None);

        Assert.Equal(WriteOutcome.Conflict, result.Outcome);
    }
}
