using System.Globalization;
using Microneedling.Functions.Hosting.Timers;

namespace Microneedling.Functions.Tests;

public class NCrontabScheduleTests
{
    [Theory]
    [InlineData("0 */5 * * * *", "2026-03-01T10:02:13Z", "2026-03-01T10:05:00Z")]
    [InlineData("0 */5 * * * *", "2026-03-01T10:05:00Z", "2026-03-01T10:10:00Z")]
    [InlineData("*/30 * * * * *", "2026-03-01T10:05:29.900Z", "2026-03-01T10:05:30Z")]
    [InlineData("0 0 7 * * *", "2026-03-01T07:00:00Z", "2026-03-02T07:00:00Z")]
    [InlineData("0 30 9 * * MON-FRI", "2026-11-21T12:00:00Z", "2026-11-23T09:30:00Z")]
    [InlineData("0 0 0 29 FEB *", "2026-03-01T00:00:00Z", "2028-02-29T00:00:00Z")]
    [InlineData("0 0 12 1 1,7 *", "2026-02-01T00:00:00Z", "2026-07-01T12:00:00Z")]
    [InlineData("15-20/5 0 0 * * *", "2026-01-01T00:00:15Z", "2026-01-01T00:00:20Z")]
    [InlineData("0 0 23 31 12 *", "2026-12-31T23:00:00Z", "2027-12-31T23:00:00Z")]
    [InlineData("0 59 23 * * SUN", "2026-11-21T23:59:00Z", "2026-11-22T23:59:00Z")]
    public void Next_occurrence_is_the_first_match_strictly_after(string expression, string after, string expected)
    {
        var schedule = NCrontabSchedule.Parse(expression);

        var next = schedule.GetNextOccurrence(DateTimeOffset.Parse(after, CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), next);
    }

    [Fact]
    public void Occurrences_are_in_utc_whatever_the_offset_given()
    {
        var schedule = NCrontabSchedule.Parse("0 0 7 * * *");

        var next = schedule.GetNextOccurrence(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(2)));

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 7, 0, 0, TimeSpan.Zero), next);
    }

    [Theory]
    [InlineData("0 */5 * * * * *", "6 components")]
    [InlineData("60 * * * * *", "[Second] field")]
    [InlineData("0 0 24 * * *", "[Hour] field")]
    [InlineData("0 0 0 0 * *", "[Day] field")]
    [InlineData("0 0 0 * 13 *", "[Month] field")]
    [InlineData("0 0 0 * * 7", "[DayOfWeek] field")]
    [InlineData("0 0 0 * * FUNDAY", "[DayOfWeek] crontab field")]
    public void Malformed_expressions_are_refused_with_the_field_named(string expression, string expectedInMessage)
    {
        Assert.False(NCrontabSchedule.TryParse(expression, out _, out var error));
        Assert.Contains(expectedInMessage, error, StringComparison.Ordinal);
        Assert.Contains(expression, error, StringComparison.Ordinal);
    }

    /// <summary>What the Functions host accepts (it parses with NCrontab, five fields meaning no seconds), the local timers accept too.</summary>
    [Theory]
    [InlineData("*/5 * * * *", "2026-03-01T10:02:13Z", "2026-03-01T10:05:00Z")]
    [InlineData("0 30 9 * * 1-5", "2026-11-21T12:00:00Z", "2026-11-23T09:30:00Z")]
    [InlineData("0 */0 * * * *", "2026-03-01T10:02:13Z", "2026-03-01T10:03:00Z")]
    public void Expressions_the_host_accepts_are_accepted(string expression, string after, string expected)
    {
        Assert.True(NCrontabSchedule.TryParse(expression, out var schedule, out var error), error);

        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), schedule.GetNextOccurrence(DateTimeOffset.Parse(after, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_schedule_that_never_fires_says_so()
    {
        var schedule = NCrontabSchedule.Parse("0 0 0 31 FEB *");

        Assert.Throws<InvalidOperationException>(() => schedule.GetNextOccurrence(DateTimeOffset.UnixEpoch));
    }
}
