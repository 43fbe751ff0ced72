using Azure.Data.Tables;
using Microneedling.Storage.Entities;
using Microneedling.Storage.OptOuts;

namespace Microneedling.Storage.PatientData;

/// <summary>The intakes the patient's bookings were made with. An intake never booked holds nothing that names anyone; retention removes its answers.</summary>
internal sealed class IntakeRows(ClinicTables tables) : PatientDataTable(
    "Intakes",
    "Each screened intake: the outcome, the finding codes behind it (which reveal pregnancy, skin conditions, radiation treatment), scar types and severity, skin type, whether a practitioner cleared it, dates. No name or address: an intake is linked to a patient only by the bookings made with it.")
{
    public override async Task<IReadOnlyList<PatientRow>> FindAsync(LocatedPatient patient, CancellationToken cancellationToken)
    {
        var rows = new List<PatientRow>();
        foreach (var intakeId in patient.IntakeIds)
        {
            if (await tables.Intakes.GetIfExistsAsync<TableEntity>(intakeId, IntakeEntity.Row, cancellationToken).ConfigureAwait(false) is { } row)
            {
                rows.Add(new PatientRow(this, tables.Intakes, row, intakeId, ErasureAction.Delete));
            }
        }

        return rows;
    }
}

/// <summary>Idempotency-Keys that created the patient's bookings (found by the booking they name: the table is small, as keys expire within hours).</summary>
internal sealed class IdempotencyRows(ClinicTables tables) : PatientDataTable(
    "Idempotency",
    "Each Idempotency-Key seen on a booking request, as a hash, with a hash of the request body and the booking it created.")
{
    public override async Task<IReadOnlyList<PatientRow>> FindAsync(LocatedPatient patient, CancellationToken cancellationToken)
    {
        var rows = new List<PatientRow>();
        foreach (var filter in AnyOf(nameof(IdempotencyEntity.ResourceId), patient.BookingIds))
        {
            rows.AddRange((await QueryAsync(tables.Idempotency, filter, cancellationToken).ConfigureAwait(false))
                .Select(row => new PatientRow(this, tables.Idempotency, row, $"key for {row.GetString(nameof(IdempotencyEntity.ResourceId))} ({row.PartitionKey[..12]})", ErasureAction.Delete)));
        }

        return rows;
    }
}

/// <summary>The patient's opt-out of optional emails: keyed by a hash of the address, which identifies whoever knows the address.</summary>
internal sealed class OptOutRows(ClinicTables tables) : PatientDataTable(
    "OptOuts",
    "Addresses that stopped the optional emails (rebooking, maintenance), as a SHA-256 hash of the address, with the time.")
{
    public override async Task<IReadOnlyList<PatientRow>> FindAsync(LocatedPatient patient, CancellationToken cancellationToken) =>
        await tables.OptOuts.GetIfExistsAsync<TableEntity>(OptOutRepository.Partition, patient.AddressHash, cancellationToken).ConfigureAwait(false) is { } row
            ? [new PatientRow(this, tables.OptOuts, row, "opt-out", ErasureAction.Delete)]
            : [];
}

/// <summary>
/// Reminders waiting to be sent for the patient's bookings, in the day tables from the first
/// booking's creation on (none can be due earlier). Deleting them means no email goes.
/// </summary>
internal sealed class ReminderRows(ClinicTables tables) : PatientDataTable(
    "Reminders*",
    "One table per UTC day of emails waiting to be sent: booking id, session, kind, due time, attempts. No name or address (the email is composed from the booking when it is sent).")
{
    public override async Task<IReadOnlyList<PatientRow>> FindAsync(LocatedPatient patient, CancellationToken cancellationToken)
    {
        var rows = new List<PatientRow>();
        if (patient.FirstBookedAt is not { } first)
        {
            return rows;
        }

        var family = tables.Prefix + "Reminders";
        var tableFilter = TableClient.CreateQueryFilter($"TableName ge {family + first.UtcDateTime.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)} and TableName lt {family + "~"}");
        await foreach (var day in tables.Service.QueryAsync(tableFilter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var table = tables.Table(day.Name[tables.Prefix.Length..]);
            foreach (var filter in AnyOf(nameof(Reminders.ReminderEntity.BookingId), patient.BookingIds))
            {
                rows.AddRange((await QueryAsync(table, filter, cancellationToken).ConfigureAwait(false))
                    .Select(row => new PatientRow(this, table, row, $"{row.PartitionKey}/{row.RowKey}", ErasureAction.Delete)));
            }
        }

        return rows;
    }
}

/// <summary>A table that holds nothing about a patient: listed so the inventory names every table, with the reason.</summary>
internal sealed class NoPatientRows(string name, string holds) : PatientDataTable(name, holds)
{
    public override Task<IReadOnlyList<PatientRow>> FindAsync(LocatedPatient patient, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PatientRow>>([]);

    public override Task EraseAsync(PatientRow row, DateTimeOffset now, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"{Name} holds no patient rows.");
}
