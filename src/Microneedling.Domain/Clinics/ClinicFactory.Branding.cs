using System.Globalization;

namespace Microneedling.Domain.Clinics;

/// <summary>The clinic's branding and the addresses its pages live at, checked like every other setting.</summary>
public static partial class ClinicFactory
{
    private static ClinicBrand Brand(Errors errors, ClinicSettings settings)
    {
        var logo = OptionalUrl(errors, "LogoUrl", settings.LogoUrl, "of the clinic's logo image");
        var color = string.IsNullOrWhiteSpace(settings.PrimaryColor) ? ClinicBrand.DefaultPrimaryColor : settings.PrimaryColor.Trim().ToLowerInvariant();
        if (color.Length != 7 || color[0] != '#' || !color.Skip(1).All(char.IsAsciiHexDigit))
        {
            errors.Add("PrimaryColor", $"'{settings.PrimaryColor}' is not a colour as #rrggbb.");
            return new ClinicBrand(logo, ClinicBrand.DefaultPrimaryColor);
        }

        var contrast = ClinicBrand.ContrastWithWhite(color);
        if (contrast < ClinicBrand.MinimumContrastWithWhite)
        {
            errors.Add("PrimaryColor", string.Create(CultureInfo.InvariantCulture,
                $"{color} gives white button text a contrast of {contrast:0.0}:1; choose a darker colour (at least {ClinicBrand.MinimumContrastWithWhite}:1)."));
        }

        return new ClinicBrand(logo, color);
    }

    private static Uri? OptionalUrl(Errors errors, string name, string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            errors.Add(name, $"must be an absolute http(s) URL {what}.");
            return null;
        }

        return url;
    }
}
