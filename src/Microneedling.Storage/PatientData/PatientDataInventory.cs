using Azure.Data.Tables;
using Microneedling.Storage.Entities;

namespace Microneedling.Storage.PatientData;

/// <summary>
/// Every table the app stores, what each holds about patients, and how one patient's rows are found
/// there: the single list export and erasure both work through. A table missing here fails the
/// inventory test, so a new table cannot be forgotten by either.
/// </summary>
public sealed class PatientDataInventory
{
    public PatientDataInventory(ClinicTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        Prefix = tables.Prefix;
        Tables =
        [
            new BookingRows(tables),
            new IntakeRows(tables),
            new IdempotencyRows(tables),
            new OptOutRows(tables),
            new ReminderRows(tables),
            new NoPatientRows("ScheduleDays", "Each practitioner's booked times per day (booking id, session, location, times): nothing that names a patient; an erased patient's future sessions are cancelled first, which releases them."),
            new NoPatientRows("Recovery", "Booking changes in progress (booking ids and times, removed within minutes) and the reminder sweep's checkpoint: nothing that names a patient."),
            new NoPatientRows("Audit", "Staff actions: time, action, booking or intake ids, a fingerprint of the caller's key or the caller's identity, status. Never a patient's name, address or answers; kept as the record of who did what."),
        ];
    }

    internal string Prefix { get; }

    internal IReadOnlyList<PatientDataTable> Tables { get; }

    /// <summary>Each table (or family of tables, ending in <c>*</c>) and what it holds about patients.</summary>
    public IEnumerable<(string Table, string Holds)> Describe() => Tables.Select(t => (t.Name, t.Holds));

    /// <summary>Whether a stored table, named as stored (prefix included), has its entry here.</summary>
    public bool Covers(string storedName)
    {
        ArgumentNullException.ThrowIfNull(storedName);
        if (!storedName.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var name = storedName[Prefix.Length..];
        return Tables.Any(t => t.Name.EndsWith('*') ? name.StartsWith(t.Name[..^1], StringComparison.Ordinal) : name == t.Name);
    }

    /// <summary>The patient's bookings, found by the address on them (compared trimmed and ignoring case), with their intakes.</summary>
    internal static async Task<LocatedPatient> LocateAsync(ClinicTables tables, string email, CancellationToken cancellationToken)
    {
        // A scan of the booking headers (one row per booking, four properties each): a clinic's
        // bookings number in the thousands to tens of thousands, and erasure and export are rare
        // staff calls, so no index keyed by the address (which would itself be personal data) is kept.
        var wanted = email.Trim();
        var bookings = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"RowKey eq {BookingEntity.Row}");
        string[] select = ["PartitionKey", nameof(BookingEntity.PatientEmail), nameof(BookingEntity.IntakeId), nameof(BookingEntity.CreatedAt)];
        await foreach (var header in tables.Bookings.Client.QueryAsync<TableEntity>(filter, select: select, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(header.GetString(nameof(BookingEntity.PatientEmail))?.Trim(), wanted, StringComparison.OrdinalIgnoreCase))
            {
                bookings.Add(header);
            }
        }

        return new LocatedPatient(
            wanted,
            [.. bookings.Select(b => b.PartitionKey).Order(StringComparer.Ordinal)],
            [.. bookings.Select(b => b.GetString(nameof(BookingEntity.IntakeId))).OfType<string>().Where(id => id.Length > 0).Distinct().Order(StringComparer.Ordinal)],
            bookings.Count == 0 ? null : bookings.Min(b => b.GetDateTimeOffset(nameof(BookingEntity.CreatedAt))));
    }

    internal async Task<IReadOnlyList<PatientRow>> FindAsync(LocatedPatient patient, CancellationToken cancellationToken)
    {
        var rows = new List<PatientRow>();
        foreach (var table in Tables)
        {
            rows.AddRange(await table.FindAsync(patient, cancellationToken).ConfigureAwait(false));
        }

        return rows;
    }
}
