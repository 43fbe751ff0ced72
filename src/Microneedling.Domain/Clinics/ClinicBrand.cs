using System.Globalization;

namespace Microneedling.Domain.Clinics;

/// <summary>How the clinic's pages and emails look: its logo and its primary colour.</summary>
public sealed record ClinicBrand(Uri? LogoUrl, string PrimaryColor)
{
    public const string DefaultPrimaryColor = "#2f6f6a";

    /// <summary>White text on buttons of this colour must stay readable (WCAG AA for normal text).</summary>
    public const double MinimumContrastWithWhite = 4.5;

    public static ClinicBrand Default { get; } = new(null, DefaultPrimaryColor);

    /// <summary>The WCAG contrast ratio of white on a <c>#rrggbb</c> colour.</summary>
    public static double ContrastWithWhite(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        static double Channel(string hex, int at)
        {
            var c = int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        var luminance = (0.2126 * Channel(hex, 1)) + (0.7152 * Channel(hex, 3)) + (0.0722 * Channel(hex, 5));
        return 1.05 / (luminance + 0.05);
    }
}
