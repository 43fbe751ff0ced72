using Azure.Data.Tables;
using Microneedling.Storage.PatientData;
using Microneedling.Testing;

namespace Microneedling.Storage.Tests;

/// <summary>Export and erasure work through one inventory of tables: none the app creates may be missing from it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PatientDataInventoryTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    [Fact]
    public void Every_table_the_app_creates_at_start_up_is_in_the_inventory()
    {
        var inventory = new PatientDataInventory(Tables);

        Assert.NotEmpty(Tables.Names);
        Assert.All(Tables.Names, name => Assert.True(inventory.Covers(name), $"{name} is not in the patient-data inventory"));
    }

    [Fact]
    public async Task The_tables_stored_after_start_up_and_a_reminder_are_all_in_the_inventory()
    {
        var reminders = new Reminders.ReminderQueue(Tables);
        await reminders.ScheduleAsync([Reminders.ReminderEntity.Create("bk_1", 1, 0, Domain.Reminders.ReminderKind.PreCare, Monday9, Monday9.AddHours(1))], CancellationToken.None);
        var inventory = new PatientDataInventory(Tables);
        var stored = new List<string>();
        await foreach (var table in new TableServiceClient(ConnectionString).QueryAsync(TableClient.CreateQueryFilter($"TableName ge {Prefix} and TableName lt {Prefix + "~"}")))
        {
            stored.Add(table.Name);
        }

        Assert.Contains(Prefix + "Reminders20261130", stored);
        Assert.All(stored, name => Assert.True(inventory.Covers(name), $"{name} is not in the patient-data inventory"));
    }

    [Theory]
    [InlineData("Bookings", true)]
    [InlineData("Reminders20270101", true)]
    [InlineData("Audit", true)]
    [InlineData("Payments", false)]
    [InlineData("BookingsArchive", false)]
    public void A_table_is_covered_by_its_own_name_or_its_family(string name, bool covered)
    {
        var inventory = new PatientDataInventory(Tables);

        Assert.Equal(covered, inventory.Covers(Prefix + name));
        Assert.False(inventory.Covers(name + "x"));
    }

    [Fact]
    public void Every_entry_says_what_it_holds()
    {
        var entries = new PatientDataInventory(Tables).Describe().ToList();

        Assert.All(entries, e => Assert.True(e.Holds.Length > 40, e.Table));
        Assert.Equal(entries.Count, entries.Select(e => e.Table).Distinct().Count());
    }
}
