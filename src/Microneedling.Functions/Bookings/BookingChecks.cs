using Microneedling.Domain.Bookings;
using Microneedling.Domain.Clinics;
using Microneedling.Domain.Common;
using Microneedling.Functions.Api;
using NodaTime;

namespace Microneedling.Functions.Bookings;

/// <summary>Checks that creating and rescheduling share.</summary>
internal static class BookingChecks
{
    /// <summary>
    /// Whether availability would offer this start with the practitioner free (working hours, step,
    /// notice). Whether another booking holds it is settled by the claim itself, atomically, as a 409.
    /// </summary>
    public static RuleResult Offered(Clinic clinic, string serviceId, string locationId, string practitionerId, Instant start, Instant now) =>
        BookingRules.CheckSlotOffered(clinic, serviceId, locationId, practitionerId, start, now, []);

    /// <summary>The clinic's item the request names; a missing or unknown id is a field error.</summary>
    public static T? Known<T>(Validation v, string field, string? id, Func<string, T?> find)
        where T : class
    {
        var text = v.Required(field, id, 64);
        if (text.Length == 0)
        {
            return null;
        }

        var found = find(text);
        if (found is null)
        {
            v.Add(field, $"'{text}' is not known at this clinic.");
        }

        return found;
    }

    /// <summary>Each refusal once: a series repeats the same one for every session.</summary>
    public static RuleResult Distinct(RuleResult rules) => new([.. rules.Violations.DistinctBy(r => (r.Code, r.Message))]);
}
