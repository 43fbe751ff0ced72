using Microneedling.Storage.Bookings;
using Microneedling.Storage.Entities;
using Microneedling.Testing;
using NodaTime.Extensions;

namespace Microneedling.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class DoubleBookingTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    [Fact]
    public async Task Fifty_parallel_bookings_of_one_slot_give_exactly_one_booking()
    {
        var attempts = Enumerable.Range(0, 50).Select(i => NewBooking($"bk_race{i:D2}", ("amira", Monday9))).ToList();

        var results = await Task.WhenAll(attempts.Select(a => Task.Run(() => Workflow.CreateAsync(a.Header, a.Sessions, null, CancellationToken.None))));

        Assert.Equal(1, results.Count(r => r.Outcome == WriteOutcome.Done));
        Assert.Equal(49, results.Count(r => r.Outcome == WriteOutcome.SlotTaken));
        var confirmed = 0;
        foreach (var a in attempts)
        {
            confirmed += (await Bookings.GetAsync(a.Header.Id, CancellationToken.None))?.Header.Status == BookingStatus.Confirmed ? 1 : 0;
        }

        Assert.Equal(1, confirmed);
        Assert.Equal(1, await SessionRowsAsync("amira"));
        Assert.Equal(1, await DayRowsAsync("amira"));
        Assert.Equal(0, await IntentsLeftAsync());
    }

    [Fact]
    public async Task Parallel_bookings_of_different_times_on_one_day_all_succeed()
    {
        var attempts = Enumerable.Range(0, 12).Select(i => NewBooking($"bk_day{i:D2}", ("amira", Monday9.AddMinutes(75 * i)))).ToList();

        var results = await Task.WhenAll(attempts.Select(a => Task.Run(() => Workflow.CreateAsync(a.Header, a.Sessions, null, CancellationToken.None))));

        Assert.All(results, r => Assert.Equal(WriteOutcome.Done, r.Outcome));
        Assert.Equal(12, await SessionRowsAsync("amira"));
        Assert.Equal(0, await IntentsLeftAsync());
    }

    [Fact]
    public async Task Overlapping_slots_race_to_one_winner_and_adjacent_ones_both_win()
    {
        var early = NewBooking("bk_early", ("amira", Monday9));
        var overlapping = NewBooking("bk_overlap", ("amira", Monday9.AddMinutes(45)));
        var adjacent = NewBooking("bk_adjacent", ("amira", Monday9.AddMinutes(75)));

        var raced = await Task.WhenAll(
            Task.Run(() => Workflow.CreateAsync(early.Header, early.Sessions, null, CancellationToken.None)),
            Task.Run(() => Workflow.CreateAsync(overlapping.Header, overlapping.Sessions, null, CancellationToken.None)));
        var winner = raced[0].Outcome == WriteOutcome.Done ? early : overlapping;
        var afterWinner = NewBooking("bk_after", ("amira", winner.Sessions[0].BlockedUntil));

        Assert.Equal(1, raced.Count(r => r.Outcome == WriteOutcome.Done));
        Assert.Equal(WriteOutcome.Done, (await Workflow.CreateAsync(afterWinner.Header, afterWinner.Sessions, null, CancellationToken.None)).Outcome);
        if (winner == early)
        {
            Assert.Equal(WriteOutcome.SlotTaken, (await Workflow.CreateAsync(adjacent.Header, adjacent.Sessions, null, CancellationToken.None)).Outcome);
        }
    }

    [Fact]
    public async Task A_series_with_one_taken_session_books_nothing()
    {
        var other = NewBooking("bk_other", ("amira", Monday9.AddDays(28)));
        await Workflow.CreateAsync(other.Header, other.Sessions, null, CancellationToken.None);
        var series = NewBooking("bk_series", ("amira", Monday9), ("amira", Monday9.AddDays(28)), ("amira", Monday9.AddDays(56)));

        var result = await Workflow.CreateAsync(series.Header, series.Sessions, null, CancellationToken.None);

        Assert.Equal((WriteOutcome.SlotTaken, 2), (result.Outcome, result.SessionNumber));
        Assert.Null(await Bookings.GetAsync("bk_series", CancellationToken.None));
        Assert.Equal(1, await SessionRowsAsync("amira"));
        Assert.Equal(1, await DayRowsAsync("amira"));
    }

    [Fact]
    public async Task Busy_time_reads_back_for_availability_including_buffers()
    {
        var booking = NewBooking("bk_busy", ("amira", Monday9), ("amira", Monday9.AddDays(28)));
        await Workflow.CreateAsync(booking.Header, booking.Sessions, null, CancellationToken.None);

        var busy = await Schedule.GetBusyAsync("amira", Monday9.AddHours(-3).ToInstant(), Monday9.AddDays(1).ToInstant(), CancellationToken.None);

        var only = Assert.Single(busy);
        Assert.Equal((Monday9.ToInstant(), Monday9.AddMinutes(75).ToInstant()), (only.Start, only.End));
        Assert.Empty(await Schedule.GetBusyAsync("ben", Monday9.ToInstant(), Monday9.AddDays(60).ToInstant(), CancellationToken.None));
    }

    [Fact]
    public async Task A_session_still_running_at_the_range_start_counts_as_busy()
    {
        var booking = NewBooking("bk_running", ("amira", Monday9));
        await Workflow.CreateAsync(booking.Header, booking.Sessions, null, CancellationToken.None);

        var busy = await Schedule.GetBusyAsync("amira", Monday9.AddMinutes(70).ToInstant(), Monday9.AddHours(5).ToInstant(), CancellationToken.None);

        Assert.Single(busy);
        Assert.Empty(await Schedule.GetBusyAsync("amira", Monday9.AddMinutes(75).ToInstant(), Monday9.AddHours(5).ToInstant(), CancellationToken.None));
    }

    [Fact]
    public async Task A_session_over_midnight_holds_time_on_both_days()
    {
        var midnight = new DateTimeOffset(Monday9.Date.AddDays(1), TimeSpan.Zero);
        var late = NewBooking("bk_late", ("amira", midnight.AddMinutes(-30)));
        var early = NewBooking("bk_early", ("amira", midnight.AddMinutes(30)));
        var after = NewBooking("bk_after", ("amira", midnight.AddMinutes(45)));

        Assert.Equal(WriteOutcome.Done, (await Workflow.CreateAsync(late.Header, late.Sessions, null, CancellationToken.None)).Outcome);
        Assert.Equal(WriteOutcome.SlotTaken, (await Workflow.CreateAsync(early.Header, early.Sessions, null, CancellationToken.None)).Outcome);
        Assert.Equal(WriteOutcome.Done, (await Workflow.CreateAsync(after.Header, after.Sessions, null, CancellationToken.None)).Outcome);

        var busy = await Schedule.GetBusyAsync("amira", midnight.ToInstant(), midnight.AddDays(1).ToInstant(), CancellationToken.None);
        Assert.Equal([midnight.AddMinutes(-30).ToInstant(), midnight.AddMinutes(45).ToInstant()], busy.Select(b => b.Start));
        Assert.Equal(2, await DayRowsAsync("amira"));
        Assert.Equal(2, await SessionRowsAsync("amira"));
    }
}
