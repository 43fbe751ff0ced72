using System.Globalization;
using Azure.Data.Tables;
using Microneedling.Storage.OptOuts;
using Microneedling.Storage.Tables;

namespace Microneedling.Storage.PatientData;

/// <summary>A patient as the tables know them: the address asked about and the bookings and intakes found for it.</summary>
internal sealed record LocatedPatient(string Email, IReadOnlyList<string> BookingIds, IReadOnlyList<string> IntakeIds, DateTimeOffset? FirstBookedAt)
{
    public string AddressHash => OptOutRepository.AddressHash(Email);
}

/// <summary>A row found for a patient, with the table part that found it (and knows how to erase it).</summary>
internal sealed record PatientRow(PatientDataTable Owner, GuardedTable Table, TableEntity Entity, string Record, ErasureAction OnErase)
{
    private static readonly HashSet<string> SystemProperties = ["PartitionKey", "RowKey", "Timestamp", "odata.etag"];

    public PatientDataItem ToItem(string prefix) => new(Table.Name[prefix.Length..], Record, OnErase, Data());

    private SortedDictionary<string, string?> Data()
    {
        var data = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in Entity.Where(p => !SystemProperties.Contains(p.Key)))
        {
            data[name] = value switch
            {
                null => null,
                DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
                DateTime at => new DateTimeOffset(at.ToUniversalTime()).ToString("O", CultureInfo.InvariantCulture),
                byte[] bytes => Convert.ToBase64String(bytes),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
        }

        return data;
    }
}

/// <summary>
/// One table's entry in the patient-data inventory: what it holds, how a patient's rows are found
/// in it, and how erasure treats them. Export and erasure both read through <see cref="FindAsync"/>,
/// so whatever erasure removes, an export has shown.
/// </summary>
internal abstract class PatientDataTable(string name, string holds)
{
    /// <summary>The table's name without the prefix; a family of tables (one per day) ends with <c>*</c>.</summary>
    public string Name { get; } = name;

    /// <summary>What the table holds about patients, in words a data-protection officer reads.</summary>
    public string Holds { get; } = holds;

    public abstract Task<IReadOnlyList<PatientRow>> FindAsync(LocatedPatient patient, CancellationToken cancellationToken);

    /// <summary>Erases one row this table found: deletes it, unless the table says otherwise.</summary>
    public virtual Task EraseAsync(PatientRow row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        return DeleteAsync(row, cancellationToken);
    }

    /// <summary>A filter matching any of the values in a property, in chunks within the service's limit of comparisons per filter.</summary>
    protected static IEnumerable<string> AnyOf(string property, IEnumerable<string> values) =>
        values.Chunk(10).Select(chunk => string.Join(" or ", chunk.Select(v => property + " eq " + TableClient.CreateQueryFilter($"{v}"))));

    protected static async Task<List<TableEntity>> QueryAsync(GuardedTable table, string filter, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return rows;
    }

    protected static Task DeleteAsync(PatientRow row, CancellationToken cancellationToken) =>
        row.Table.DeleteAsync(row.Entity.PartitionKey, row.Entity.RowKey, default, cancellationToken);
}
