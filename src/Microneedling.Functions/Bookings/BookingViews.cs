using Microneedling.Domain.Clinics;
using Microneedling.Functions.Api;
using Microneedling.Storage.Bookings;
using NodaTime.Extensions;

namespace Microneedling.Functions.Bookings;

public static class BookingViews
{
    public static BookingView Of(Clinic clinic, StoredBooking booking, string? manageToken = null)
    {
        ArgumentNullException.ThrowIfNull(booking);
        var h = booking.Header;
        return new BookingView(
            h.Id,
            JsonNames.Kebab(h.Status.ToString()),
            h.ServiceId,
            h.LocationId,
            h.AddOnIds.Length == 0 ? [] : h.AddOnIds.Split(','),
            new PatientRequest(h.PatientName, h.PatientEmail),
            [.. booking.Sessions.Select(s => new SessionView(s.Number, s.PractitionerId,
                ClinicTime.Format(clinic, s.Start.ToInstant()), ClinicTime.Format(clinic, s.End.ToInstant()), JsonNames.Kebab(s.Status.ToString()), s.Sequence))],
            manageToken);
    }
}
