using System.Globalization;
using System.Net.Mail;
using NodaTime;
using NodaTime.Text;

namespace Microneedling.Functions.Api;

/// <summary>Collects every bad field of a request, each under its JSON path, before anything is stored.</summary>
public sealed class Validation
{
    private static readonly OffsetDateTimePattern Instant = OffsetDateTimePattern.ExtendedIso;
    private static readonly LocalDatePattern Date = LocalDatePattern.Iso;
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public IDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    public string Required(string field, string? value, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required.");
            return string.Empty;
        }

        if (value.Length > maxLength)
        {
            Add(field, string.Create(CultureInfo.InvariantCulture, $"must be at most {maxLength} characters."));
        }

        if (value.Any(char.IsControl))
        {
            Add(field, "must not contain control characters.");
        }

        return value.Trim();
    }

    public string Email(string field, string? value)
    {
        var text = Required(field, value, 254);
        if (text.Length > 0 && (!MailAddress.TryCreate(text, out var address) || address.Address != text || address.DisplayName.Length > 0 || !address.Host.Contains('.', StringComparison.Ordinal)))
        {
            Add(field, "is not an email address.");
        }

        return text;
    }

    /// <summary>An ISO 8601 date-time with an offset (<c>2026-11-30T09:00:00+00:00</c>); impossible dates fail.</summary>
    public Instant? InstantWithOffset(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required (an ISO 8601 date-time with an offset, e.g. 2026-11-30T09:00:00+00:00).");
            return null;
        }

        var parsed = Instant.Parse(value);
        if (!parsed.Success)
        {
            Add(field, $"'{Trimmed(value)}' is not an ISO 8601 date-time with an offset.");
            return null;
        }

        return parsed.Value.ToInstant();
    }

    public LocalDate? LocalDate(string field, string? value, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, "is required (yyyy-MM-dd).");
            }

            return null;
        }

        var parsed = Date.Parse(value);
        if (!parsed.Success)
        {
            Add(field, $"'{Trimmed(value)}' is not a date as yyyy-MM-dd.");
            return null;
        }

        return parsed.Value;
    }

    public DateTimeZone? TimeZone(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(value);
        if (zone is null)
        {
            Add(field, $"'{Trimmed(value)}' is not an IANA time zone id.");
        }

        return zone;
    }

    private static string Trimmed(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
