using Microneedling.Email.Acs;
using Microneedling.Testing;

namespace Microneedling.Email.Tests;

public class PacingTests
{
    [Fact]
    public async Task Sends_wait_once_the_per_minute_quota_is_used()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));
        var pacer = new SendPacer(new AcsPacingOptions { PerMinute = 2, PerHour = 0 }, clock);

        await pacer.WaitTurnAsync(CancellationToken.None);
        await pacer.WaitTurnAsync(CancellationToken.None);
        var third = pacer.WaitTurnAsync(CancellationToken.None);
        await clock.WaitForPendingTimersAsync(1, TimeSpan.FromSeconds(5));

        Assert.False(third.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(third.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        await third.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Pacing_off_never_waits()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var pacer = new SendPacer(new AcsPacingOptions { PerMinute = 0, PerHour = 0 }, clock);

        for (var i = 0; i < 500; i++)
        {
            var turn = pacer.WaitTurnAsync(CancellationToken.None);
            Assert.True(turn.IsCompletedSuccessfully, $"send {i} had to wait");
            await turn;
        }

        Assert.Equal(0, clock.PendingTimers);
    }
}
