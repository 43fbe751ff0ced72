using Microneedling.Domain.Reminders;
using Microneedling.Storage.Reminders;
using Microneedling.Testing;

namespace Microneedling.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class ReminderQueueTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    [Fact]
    public async Task Due_reminders_are_exactly_those_from_from_through_to()
    {
        var from = new DateTimeOffset(2026, 11, 21, 23, 59, 58, TimeSpan.Zero).AddTicks(5);
        var to = new DateTimeOffset(2026, 11, 22, 0, 0, 1, TimeSpan.Zero).AddTicks(7);
        var dueTimes = new Dictionary<string, DateTimeOffset>
        {
            ["at-from"] = from,
            ["tick-after-from"] = from.AddTicks(1),
            ["same-second-before-from"] = from.AddTicks(-1),
            ["hour-before"] = from.AddHours(-1),
            ["last-tick-of-day"] = new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero).AddTicks(-1),
            ["midnight"] = new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero),
            ["at-to"] = to,
            ["tick-after-to"] = to.AddTicks(1),
            ["next-second"] = to.AddSeconds(1),
        };
        var repository = new ReminderQueue(Tables);
        await repository.ScheduleAsync(
            dueTimes.Select(d => ReminderEntity.Create(d.Key, 1, 0, ReminderKind.PreCare, d.Value, d.Value.AddDays(1))), CancellationToken.None);

        var due = await repository.DueAsync(from, to, CancellationToken.None);

        Assert.Equal(["at-from", "tick-after-from", "last-tick-of-day", "midnight", "at-to"], due.Select(d => d.BookingId));
    }
}
