using Microneedling.Domain.Clinics;
using NodaTime;

namespace Microneedling.Domain.Tests;

public class ScheduleBlockTests
{
    [Theory]
    [InlineData(9, 0, 75, 15)]
    [InlineData(9, 0, 5, 1)]
    [InlineData(9, 5, 30, 6)]
    public void A_session_claims_every_five_minute_block_it_touches(int hour, int minute, int minutes, int blocks)
    {
        var start = Instant.FromUtc(2027, 1, 11, hour, minute);

        var covering = ScheduleBlock.Covering(start, start + Duration.FromMinutes(minutes)).ToList();

        Assert.Equal(blocks, covering.Count);
        Assert.Equal(start, covering[0]);
        Assert.Equal(start + Duration.FromMinutes(minutes - 5), covering[^1]);
    }

    [Fact]
    public void Adjacent_sessions_share_no_block_and_overlapping_ones_do()
    {
        var nine = Instant.FromUtc(2027, 1, 11, 9, 0);
        var first = ScheduleBlock.Covering(nine, nine + Duration.FromMinutes(75)).ToHashSet();

        Assert.DoesNotContain(nine + Duration.FromMinutes(75), first);
        Assert.Contains(nine + Duration.FromMinutes(70), first);
    }
}
