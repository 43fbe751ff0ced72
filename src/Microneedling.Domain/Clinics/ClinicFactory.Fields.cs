using System.Globalization;
using System.Net.Mail;
using Microneedling.Domain.Common;
using NodaTime;
using NodaTime.Text;

namespace Microneedling.Domain.Clinics;

/// <summary>Checks of single values (ids, times, dates, zones, prices, addresses) shared by every part of the settings, and the error list they write to.</summary>
public static partial class ClinicFactory
{
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;

    private static DateInterval? DaysOff(Errors errors, string name, string text)
    {
        var parts = text.Split('/');
        var start = DatePattern.Parse(parts[0].Trim());
        var end = parts.Length == 2 ? DatePattern.Parse(parts[1].Trim()) : start;
        if (parts.Length > 2 || !start.Success || !end.Success)
        {
            errors.Add(name, $"'{text}' is not a date (2026-12-25) or a range (2026-12-24/2026-12-31).");
            return null;
        }

        if (end.Value < start.Value)
        {
            errors.Add(name, $"'{text}' ends before it starts.");
            return null;
        }

        return new DateInterval(start.Value, end.Value);
    }

    private static DateTimeZone? Zone(Errors errors, string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add("TimeZone", "is required (an IANA id such as Europe/London).");
            return null;
        }

        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);
        if (zone is null)
        {
            errors.Add("TimeZone", $"'{id}' is not an IANA time zone id (such as Europe/London or America/New_York).");
        }

        return zone;
    }

    private static LocalTime? Time(Errors errors, string name, string? text)
    {
        var result = TimePattern.Parse(text ?? string.Empty);
        if (!result.Success)
        {
            errors.Add(name, $"'{text}' is not a time of day as HH:mm.");
            return null;
        }

        return result.Value;
    }

    private static Money Price(Errors errors, decimal amount, string currency)
    {
        if (amount < 0)
        {
            errors.Add("Price", "cannot be negative.");
        }

        return new Money(amount, currency);
    }

    private static string Email(Errors errors, string name, string? value)
    {
        var text = Required(errors, name, value);
        if (text.Length > 0 && (!MailAddress.TryCreate(text, out var address) || address.Address != text))
        {
            errors.Add(name, $"'{text}' is not an email address.");
        }

        return text;
    }

    private static string Id(Errors errors, string? id)
    {
        var text = Required(errors, "Id", id);
        if (text.Length > 0 && !text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            errors.Add("Id", $"'{text}' may hold only letters, digits, '-' and '_'.");
        }

        return text;
    }

    private static string Required(Errors errors, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(name, "is required.");
            return string.Empty;
        }

        return value.Trim();
    }

    private static void Positive(Errors errors, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add(name, string.Create(CultureInfo.InvariantCulture, $"{value} is outside {min}-{max}."));
        }
    }

    // Bookings claim time in 5-minute blocks, so every boundary a booking can have must fall on one.
    private static void FiveMinuteMultiple(Errors errors, string name, int value)
    {
        if (value % TimeGrain.Minutes != 0)
        {
            errors.Add(name, $"{value} is not a multiple of {TimeGrain.Minutes} minutes.");
        }
    }

    private static void Unique(Errors errors, string name, IEnumerable<string> ids)
    {
        foreach (var id in ids.Where(id => id.Length > 0).GroupBy(id => id).Where(g => g.Count() > 1))
        {
            errors.Add(name, $"id '{id.Key}' is used more than once.");
        }
    }

    /// <summary>Collects errors, each prefixed with the setting path it concerns.</summary>
    private sealed class Errors(string prefix, List<string>? sink = null)
    {
        private readonly List<string> _all = sink ?? [];

        public int Count => _all.Count;

        public IReadOnlyList<string> All => _all;

        public Errors At(string child) => new($"{prefix}:{child}", _all);

        public void Add(string name, string message) => _all.Add($"{prefix}:{name} {message}");
    }
}
