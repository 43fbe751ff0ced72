using System.ComponentModel.DataAnnotations;
using Microneedling.Functions.Api;
using Microneedling.Storage.PatientData;

namespace Microneedling.Functions.PatientData;

/// <summary>Which patient: their email address, in the body so that it never appears in a URL (and so in no request log).</summary>
public sealed record PatientLookupRequest([property: MaxLength(254), EmailAddress] string? Email) : IRequestBody;

/// <summary>One stored row about the patient: table, a reference without personal data, what erasure does to it, and its content.</summary>
public sealed record PatientDataItemView(string Table, string Record, ErasureAction OnErase, IReadOnlyDictionary<string, string?> Data);

public sealed record PatientExportView(
    [property: DataType(DataType.DateTime)] string ExportedAt,
    IReadOnlyList<string> BookingIds,
    IReadOnlyList<PatientDataItemView> Items);

public sealed record ErasedItemView(string Table, string Record, ErasureAction Action);

/// <summary>What an erasure removed, named without the data itself.</summary>
public sealed record ErasureReceiptView(
    [property: DataType(DataType.DateTime)] string ErasedAt,
    IReadOnlyList<string> BookingIds,
    int CancelledSessions,
    IReadOnlyList<ErasedItemView> Items);

public sealed record AuditEntryView(
    [property: DataType(DataType.DateTime)] string At,
    string Action,
    string Record,
    string Caller,
    int Status);
