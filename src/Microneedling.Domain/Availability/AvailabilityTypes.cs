using Microneedling.Domain.Common;
using NodaTime;

namespace Microneedling.Domain.Availability;

/// <summary>Time a practitioner is taken: a booking from its start to the end of its buffer.</summary>
public sealed record BusyInterval(string PractitionerId, Instant Start, Instant End);

public sealed record AvailabilityQuery(string ServiceId, string LocationId, string? PractitionerId, LocalDate From, LocalDate To);

/// <summary>A start time that can be booked: the appointment runs from Start to End (the buffer follows).</summary>
public sealed record Slot(string PractitionerId, Instant Start, Instant End, LocalDateTime LocalStart, Offset Offset);

public sealed record AvailabilityResult(IReadOnlyList<Slot> Slots, RuleResult Rules);
