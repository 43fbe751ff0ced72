using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Microneedling.Storage.Bookings;
using Microneedling.Testing;

namespace Microneedling.Storage.Tests;

/// <summary>Two instances over one schedule: each remembers the day rows it read or wrote, and the other may have changed them since.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ScheduleRepositoryTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private readonly RecordRequests _wire = new();

    private ScheduleRepository? _mine;

    /// <summary>This instance, whose requests are recorded; <see cref="Other"/> is another over the same table.</summary>
    private ScheduleRepository Mine => _mine ??= new ScheduleRepository(TablesWith(_wire));

    private ScheduleRepository Other => Schedule;

    [Fact]
    public async Task A_claim_on_a_day_this_instance_just_wrote_goes_straight_to_the_write()
    {
        await Mine.ClaimAsync(At(Monday9, "bk_1"), CancellationToken.None);
        _wire.Sent.Clear();

        var outcome = await Mine.ClaimAsync(At(Monday9.AddHours(2), "bk_2"), CancellationToken.None);

        Assert.Equal(ClaimOutcome.Claimed, outcome);
        Assert.Equal(["PUT"], _wire.Sent);
    }

    [Fact]
    public async Task A_day_another_instance_changed_is_read_again_and_nothing_is_lost()
    {
        await Mine.ClaimAsync(At(Monday9, "bk_1"), CancellationToken.None);
        await Other.ClaimAsync(At(Monday9.AddHours(2), "bk_2"), CancellationToken.None);
        _wire.Sent.Clear();

        var outcome = await Mine.ClaimAsync(At(Monday9.AddHours(4), "bk_3"), CancellationToken.None);

        Assert.Equal(ClaimOutcome.Claimed, outcome);
        Assert.Equal(["PUT", "GET", "PUT"], _wire.Sent); // the remembered version is refused (412), then read and written
        Assert.Equal(3, await SessionRowsAsync("amira"));
    }

    [Fact]
    public async Task A_time_another_instance_freed_is_not_refused_from_memory()
    {
        await Mine.ClaimAsync(At(Monday9, "bk_1"), CancellationToken.None);
        await Other.ReleaseAsync(At(Monday9, "bk_1"), CancellationToken.None);

        var outcome = await Mine.ClaimAsync(At(Monday9.AddMinutes(30), "bk_2"), CancellationToken.None);

        Assert.Equal(ClaimOutcome.Claimed, outcome);
        Assert.Equal(1, await SessionRowsAsync("amira"));
    }

    [Fact]
    public async Task A_claim_another_instance_released_is_written_again_not_assumed_held()
    {
        await Mine.ClaimAsync(At(Monday9, "bk_1"), CancellationToken.None);
        await Other.ReleaseAsync(At(Monday9, "bk_1"), CancellationToken.None);

        var outcome = await Mine.ClaimAsync(At(Monday9, "bk_1"), CancellationToken.None);

        Assert.Equal(ClaimOutcome.Claimed, outcome);
        Assert.Equal(1, await SessionRowsAsync("amira"));
    }

    [Fact]
    public async Task A_time_taken_by_another_instance_is_refused_even_when_memory_says_free()
    {
        await Mine.ClaimAsync(At(Monday9.AddHours(4), "bk_1"), CancellationToken.None);
        await Other.ClaimAsync(At(Monday9, "bk_2"), CancellationToken.None);

        var outcome = await Mine.ClaimAsync(At(Monday9.AddMinutes(30), "bk_3"), CancellationToken.None);

        Assert.Equal(ClaimOutcome.Taken, outcome);
        Assert.Equal(2, await SessionRowsAsync("amira"));
    }

    private static SessionClaim At(DateTimeOffset start, string bookingId) =>
        new("amira", bookingId, 1, "city", start, start.AddMinutes(60), start.AddMinutes(75));

    private sealed class RecordRequests : HttpPipelinePolicy
    {
        public ConcurrentQueue<string> Sent { get; } = new();

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => throw new NotSupportedException();

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Sent.Enqueue(message.Request.Method.ToString());
            return ProcessNextAsync(message, pipeline);
        }
    }
}
