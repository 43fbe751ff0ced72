using System.Text;
using Microneedling.Email.Templates;

namespace Microneedling.Email.Tests;

public static class Samples
{
    public static readonly ClinicBranding Clinic = new("Clearskin Clinic", new EmailAddress("appointments@clearskin.example", "Clearskin Clinic"),
        "12 Greek Street, London W1D 4DL", new Uri("https://book.clearskin.example"));

    public static readonly SessionFacts Session = new(
        new DateTimeOffset(2027, 1, 11, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 11, 10, 0, 0, TimeSpan.Zero), "Europe/London",
        "Clearskin Soho", "12 Greek Street, London W1D 4DL", "Dr Amira Khan", 1, 3);

    public static EmailModel Model(EmailKind kind, string patientName = "Zoë O'Brien") => new(
        kind, patientName, new EmailAddress("zoe@example.com"), Clinic, Session,
        ManageUrl: new Uri("https://book.clearskin.example/manage/bk_1#t=token"),
        BookingUrl: new Uri("https://book.clearskin.example/book"),
        UnsubscribeUrl: new Uri("https://book.clearskin.example/unsubscribe/u_1"),
        WindowStart: new DateOnly(2027, 2, 8), WindowEnd: new DateOnly(2027, 2, 22),
        Reasons: ["You tend to scar easily, so a practitioner needs to see you first."]);

    public static EmailAttachment Invite() => new("session.ics", "text/calendar; charset=utf-8; method=REQUEST", Encoding.UTF8.GetBytes(
        "BEGIN:VCALENDAR\r\nPRODID:-//Test//EN\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:ses_1@clearskin.example\r\nDTSTAMP:20261121T120000Z\r\n"
        + "DTSTART:20270111T090000Z\r\nDTEND:20270111T100000Z\r\nSEQUENCE:0\r\nSUMMARY:Clinic appointment\r\nORGANIZER:mailto:appointments@clearskin.example\r\n"
        + "ATTENDEE;RSVP=TRUE:mailto:zoe@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"));

    public static EmailMessage Message(Guid? id = null, string patientName = "Zoë O'Brien") =>
        EmailComposer.Compose(Model(EmailKind.BookingConfirmation, patientName), id ?? Guid.NewGuid(), [Invite()]);
}
