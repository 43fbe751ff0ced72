using System.Globalization;

namespace Microneedling.Tables.Tests;

public class QueryFilterTests
{
    public static TheoryData<object, string> Literals => new()
    {
        { "O'Brien", "'O''Brien'" },
        { "' or 1 eq 1 or ''='", "''' or 1 eq 1 or ''''='''" },
        { 42, "42" },
        { 42L, "42L" },
        { true, "true" },
        { 2.0, "2.0" },
        { 0.25, "0.25" },
        { 1e21, "1E+21" },
        { new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.FromHours(2)), "datetime'2026-03-28T23:30:00.0000000Z'" },
        { new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), "datetime'2026-01-01T00:00:00.0000000Z'" },
        { Guid.Parse("6d6b0d6e-6c1a-4f6e-9a4f-2f0f8d1f4a11", CultureInfo.InvariantCulture), "guid'6d6b0d6e-6c1a-4f6e-9a4f-2f0f8d1f4a11'" },
        { new byte[] { 0x01, 0xAB }, "X'01ab'" },
        { Severity.Moderate, "'Moderate'" },
    };

    [Theory]
    [MemberData(nameof(Literals))]
    public void Each_value_becomes_a_typed_escaped_literal(object value, string expected) =>
        Assert.Equal(expected, TableClient.CreateQueryFilter($"P eq {value}")[5..]);

    [Fact]
    public void Filters_combine_several_typed_values()
    {
        var due = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"clinic'1"} and Due le {due} and Attempts lt {3}");

        Assert.Equal("PartitionKey eq 'clinic''1' and Due le datetime'2026-03-01T00:00:00.0000000Z' and Attempts lt 3", filter);
    }

    [Theory]
    [MemberData(nameof(Unusable))]
    public void Values_that_cannot_be_compared_are_refused(object? value) =>
        Assert.ThrowsAny<ArgumentException>(() => TableClient.CreateQueryFilter($"P eq {value}"));

    public static TheoryData<object?> Unusable => new() { null, double.NaN, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Local) };
}
