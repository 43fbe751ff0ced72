namespace Microneedling.Storage.PatientData;

/// <summary>What erasing a patient does to one stored row.</summary>
public enum ErasureAction
{
    /// <summary>The row goes.</summary>
    Delete,

    /// <summary>The row stays without what identifies the patient (a booking's header: name, address, manage token hash, intake link).</summary>
    Anonymise,

    /// <summary>The row holds nothing personal once the rows it belongs to are anonymised (a session's time and status): exported, left as it is.</summary>
    Keep,
}

/// <summary>
/// One stored row about a patient: its table (without the environment's prefix), a reference to it
/// that holds no personal data, what erasure does to it, and its properties as text (for an export).
/// </summary>
public sealed record PatientDataItem(string Table, string Record, ErasureAction OnErase, IReadOnlyDictionary<string, string?> Data);

/// <summary>Everything held about one patient: the bookings found by their address and every row the inventory lists for them.</summary>
public sealed record PatientExport(IReadOnlyList<string> BookingIds, IReadOnlyList<PatientDataItem> Items);

/// <summary>One row erasure deleted or anonymised, named without its content.</summary>
public sealed record ErasedItem(string Table, string Record, ErasureAction Action);

/// <summary>What an erasure did: the bookings it found, the future sessions it cancelled first, and each row it removed or anonymised.</summary>
public sealed record ErasureReceipt(IReadOnlyList<string> BookingIds, int CancelledSessions, IReadOnlyList<ErasedItem> Items);
