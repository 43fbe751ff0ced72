namespace Microneedling.Functions.Tests;

public sealed class StandaloneSchedulerTests : IDisposable
{
    private readonly HandlerFactory _factory = HandlerFactory.Standalone(new Dictionary<string, string?>
    {
        [RecordingTimer.Setting] = "0 */10 * * * *",
    });

    [Fact]
    public async Task Standalone_fires_each_timer_on_its_configured_schedule()
    {
        using var client = _factory.CreateClient();
        await _factory.Clock.WaitForPendingTimersAsync(1, TimeSpan.FromSeconds(10));

        _factory.Clock.Advance(TimeSpan.FromMinutes(8)); // 10:02 -> 10:10
        Assert.True(await _factory.Timer.Fired.WaitAsync(TimeSpan.FromSeconds(10)));
        await _factory.Clock.WaitForPendingTimersAsync(1, TimeSpan.FromSeconds(10));
        _factory.Clock.Advance(TimeSpan.FromMinutes(10)); // -> 10:20
        Assert.True(await _factory.Timer.Fired.WaitAsync(TimeSpan.FromSeconds(10)));

        var fired = _factory.Timer.Invocations.Select(i => i.FiredAt).ToArray();
        Assert.Equal(
            [new DateTimeOffset(2026, 3, 1, 10, 10, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 1, 10, 20, 0, TimeSpan.Zero)],
            fired);
        Assert.All(_factory.Timer.Invocations, i => Assert.False(i.IsPastDue));
    }

    [Fact]
    public async Task Standalone_does_not_fire_before_the_schedule_says()
    {
        using var client = _factory.CreateClient();
        await _factory.Clock.WaitForPendingTimersAsync(1, TimeSpan.FromSeconds(10));

        _factory.Clock.Advance(TimeSpan.FromMinutes(7).Add(TimeSpan.FromSeconds(59)));

        Assert.False(await _factory.Timer.Fired.WaitAsync(TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public void A_malformed_schedule_setting_stops_start_up_with_the_setting_named()
    {
        using var factory = HandlerFactory.Standalone(new Dictionary<string, string?> { [RecordingTimer.Setting] = "0 */5 24 * * *" });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(RecordingTimer.Setting, error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}
