using Microneedling.Storage.Bookings;
using Microneedling.Storage.Entities;
using Microneedling.Testing;
using NodaTime.Extensions;

namespace Microneedling.Storage.Tests;

/// <summary>The process dies between two writes; a later sweep must leave the data consistent, losing nothing acknowledged.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CrashRecoveryTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private static readonly DateTimeOffset Later = Now + BookingWorkflow.WriterGrace + TimeSpan.FromSeconds(1);

    // Create's requests: 1 intent, 2 read the day, 3 write the day, 4 booking, 5 intent removal.
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Dying_before_the_booking_is_written_leaves_nothing_held(int fatalRequest)
    {
        var b = NewBooking("bk_dies", ("amira", Monday9));
        await Assert.ThrowsAsync<SimulatedCrashException>(() => Dying(fatalRequest).CreateAsync(b.Header, b.Sessions, null, CancellationToken.None));

        Assert.Equal(0, await Workflow.RecoverAsync(Now, CancellationToken.None));
        Assert.Equal(1, await Workflow.RecoverAsync(Later, CancellationToken.None));

        var stored = await Bookings.GetAsync("bk_dies", CancellationToken.None);
        Assert.True(stored is null || stored.Header.Status == BookingStatus.Abandoned);
        Assert.Equal((0, 0), (await SessionRowsAsync("amira"), await DayRowsAsync("amira")));
        var next = NewBooking("bk_next", ("amira", Monday9));
        Assert.Equal(WriteOutcome.Done, (await Workflow.CreateAsync(next.Header, next.Sessions, null, CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task Dying_after_confirming_keeps_the_booking_and_its_time()
    {
        var b = NewBooking("bk_kept", ("amira", Monday9));
        await Assert.ThrowsAsync<SimulatedCrashException>(() => Dying(5).CreateAsync(b.Header, b.Sessions, null, CancellationToken.None));

        await Workflow.RecoverAsync(Later, CancellationToken.None);

        Assert.Equal(BookingStatus.Confirmed, (await Bookings.GetAsync("bk_kept", CancellationToken.None))!.Header.Status);
        Assert.Equal((1, 1), (await SessionRowsAsync("amira"), await DayRowsAsync("amira")));
    }

    [Fact]
    public async Task A_retry_resumes_a_write_that_died_midway()
    {
        var b = NewBooking("bk_resume", ("amira", Monday9));
        await Assert.ThrowsAsync<SimulatedCrashException>(() => Dying(4).CreateAsync(b.Header, b.Sessions, null, CancellationToken.None));
        var retry = NewBooking("bk_resume", ("amira", Monday9));

        var result = await Workflow.CreateAsync(retry.Header, retry.Sessions, null, CancellationToken.None);
        await Workflow.RecoverAsync(Later, CancellationToken.None);

        Assert.Equal(WriteOutcome.Done, result.Outcome);
        Assert.Equal(BookingStatus.Confirmed, (await Bookings.GetAsync("bk_resume", CancellationToken.None))!.Header.Status);
        Assert.Equal((1, 1), (await SessionRowsAsync("amira"), await DayRowsAsync("amira")));
    }

    // Reschedule's requests (other practitioner): 1 intent, 2 read and 3 write the new day, 4 save booking, 5 read and 6 write the old day, 7 intent removal.
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public async Task Dying_midway_through_a_move_to_another_practitioner_converges_to_what_the_booking_says(int fatalRequest)
    {
        var b = NewBooking("bk_moving", ("amira", Monday9));
        var booking = (await Workflow.CreateAsync(b.Header, b.Sessions, null, CancellationToken.None)).Booking!;

        await Assert.ThrowsAsync<SimulatedCrashException>(() =>
            Dying(fatalRequest).RescheduleAsync(booking, 1, "ben", Monday9, Monday9.AddMinutes(60), Monday9.AddMinutes(75), Now, CancellationToken.None));
        await Workflow.RecoverAsync(Later, CancellationToken.None);

        var stored = (await Bookings.GetAsync("bk_moving", CancellationToken.None))!.Session(1)!;
        var (holder, other) = stored.PractitionerId == "ben" ? ("ben", "amira") : ("amira", "ben");
        Assert.Equal((1, 1), (await SessionRowsAsync(holder), await DayRowsAsync(holder)));
        Assert.Equal((0, 0), (await SessionRowsAsync(other), await DayRowsAsync(other)));
    }

    // Move within a schedule: 1 intent, 2 read the day, 3 write it (both times at once), 4 save booking, 5 intent removal.
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Dying_midway_through_a_move_within_a_schedule_converges(int fatalRequest)
    {
        var b = NewBooking("bk_shift", ("amira", Monday9));
        var booking = (await Workflow.CreateAsync(b.Header, b.Sessions, null, CancellationToken.None)).Booking!;
        var start = Monday9.AddMinutes(30);

        await Assert.ThrowsAsync<SimulatedCrashException>(() =>
            Dying(fatalRequest).RescheduleAsync(booking, 1, "amira", start, start.AddMinutes(60), start.AddMinutes(75), Now, CancellationToken.None));
        await Workflow.RecoverAsync(Later, CancellationToken.None);

        var session = (await Bookings.GetAsync("bk_shift", CancellationToken.None))!.Session(1)!;
        var busy = await Schedule.GetBusyAsync("amira", Monday9.AddHours(-1).ToInstant(), Monday9.AddHours(4).ToInstant(), CancellationToken.None);
        Assert.Equal(session.Start.ToInstant(), Assert.Single(busy).Start);
        Assert.Equal(1, await DayRowsAsync("amira"));
    }

    [Fact]
    public async Task A_writer_the_sweep_gave_up_on_cannot_write_its_booking_later()
    {
        var b = NewBooking("bk_slow", ("amira", Monday9));
        await Assert.ThrowsAsync<SimulatedCrashException>(() => Dying(3).CreateAsync(b.Header, b.Sessions, null, CancellationToken.None));
        await Workflow.RecoverAsync(Later, CancellationToken.None);

        var late = await Workflow.CreateAsync(b.Header, b.Sessions, null, CancellationToken.None);

        Assert.Equal(WriteOutcome.Conflict, late.Outcome);
        Assert.Equal(BookingStatus.Abandoned, (await Bookings.GetAsync("bk_slow", CancellationToken.None))!.Header.Status);
        Assert.Equal((0, 0), (await SessionRowsAsync("amira"), await DayRowsAsync("amira")));
    }

    [Fact]
    public async Task Two_sweeps_at_once_agree()
    {
        var b = NewBooking("bk_twice", ("amira", Monday9));
        await Assert.ThrowsAsync<SimulatedCrashException>(() => Dying(3).CreateAsync(b.Header, b.Sessions, null, CancellationToken.None));

        await Task.WhenAll(Workflow.RecoverAsync(Later, CancellationToken.None), Workflow.RecoverAsync(Later, CancellationToken.None));

        Assert.Equal((0, 0), (await SessionRowsAsync("amira"), await DayRowsAsync("amira")));
        Assert.Equal(0, await Workflow.RecoverAsync(Later, CancellationToken.None));
    }
}
