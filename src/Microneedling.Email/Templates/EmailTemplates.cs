namespace Microneedling.Email.Templates;

/// <summary>
/// The product's emails. Content follows the clinic's patient-education facts (pre-care the day
/// before, aftercare on the day and after, rebooking inside the 4-6 week window, yearly
/// maintenance). Rebooking and maintenance emails are optional and carry an unsubscribe link.
/// </summary>
public static class EmailTemplates
{
    public static bool IsOptional(EmailKind kind) => kind is EmailKind.RebookingOpen or EmailKind.RebookingClosing or EmailKind.Maintenance;

    public static RenderedEmail Render(EmailModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var t = new EmailText(model.Clinic);
        var hello = $"Hello {model.PatientName},";
        string subject, heading;
        switch (model.Kind)
        {
            case EmailKind.BookingConfirmation:
                var booked = SessionsOf(model);
                (subject, heading) = booked.Count > 1
                    ? ("Your treatment series is booked", $"Your {booked.Count} sessions are booked")
                    : ("Your appointment is booked", "Your appointment is booked");
                t.Paragraph(hello).Paragraph(booked.Count > 1 ? $"Your treatment series is booked: {booked.Count} sessions." : "Your appointment is booked:")
                    .Sessions(booked)
                    .Paragraph(booked.Count > 1
                        ? "A calendar invite for each session is attached; add them to your calendar. Before each session:"
                        : "The calendar invite is attached; add it to your calendar. Before your session:")
                    .List(PreCare)
                    .Link("Reschedule or cancel", Need(model.ManageUrl, model));
                break;
            case EmailKind.Rescheduled:
                (subject, heading) = ("Your appointment has moved", "Your appointment has moved");
                t.Paragraph(hello).Paragraph("Your appointment is now:").Facts(Need(model.Session, model))
                    .Paragraph("The updated calendar invite is attached; it replaces the earlier one.")
                    .Link("Reschedule or cancel", Need(model.ManageUrl, model));
                break;
            case EmailKind.Cancelled:
                var cancelled = SessionsOf(model);
                (subject, heading) = cancelled.Count > 1
                    ? ("Your appointments are cancelled", $"{cancelled.Count} appointments are cancelled")
                    : ("Your appointment is cancelled", "Your appointment is cancelled");
                t.Paragraph(hello).Paragraph(cancelled.Count > 1 ? "These appointments have been cancelled:" : "This appointment has been cancelled:")
                    .Sessions(cancelled)
                    .Paragraph(cancelled.Count > 1
                        ? "The attached calendar updates remove them from your calendar."
                        : "The attached calendar update removes it from your calendar.")
                    .Link("Book another time", Need(model.BookingUrl, model));
                break;
            case EmailKind.ConsultNeeded:
                (subject, heading) = ("A practitioner would like to see you first", "A practitioner would like to see you first");
                t.Paragraph(hello).Paragraph("Thank you for completing the intake form. Before any microneedling, a practitioner would like to see you, because:")
                    .List(model.Reasons ?? [])
                    .Paragraph("A consultation takes about 30 minutes; afterwards you can book treatment if it is right for you.")
                    .Link("Book a consultation", Need(model.BookingUrl, model));
                break;
            case EmailKind.PreCare:
                (subject, heading) = ("Your appointment is tomorrow: how to prepare", "Your appointment is tomorrow");
                t.Paragraph(hello).Facts(Need(model.Session, model)).Paragraph("To prepare:").List(PreCare)
                    .Link("Reschedule if you have broken out", Need(model.ManageUrl, model));
                break;
            case EmailKind.AftercareDay0:
                (subject, heading) = ("Aftercare for today", "Looking after your skin today");
                t.Paragraph(hello)
                    .Paragraph("Redness and minor swelling, like a mild sunburn, are normal after microneedling; bruising or a small breakout can happen too. They fade within a few days, and most people are back at work after 24 hours.")
                    .List(
                    [
                        "No makeup and no sun exposure for at least 24 hours.",
                        "Use a gentle cleanser and a hydrating serum.",
                        "Do not pick or scratch the treated skin.",
                        "Seek care if you notice signs of infection: increasing pain, heat, swelling or discharge.",
                    ]);
                break;
            case EmailKind.AftercareDay1:
                (subject, heading) = ("Aftercare: the next few days", "The next few days");
                t.Paragraph(hello).Paragraph("While your skin heals:").List(HealingRules);
                break;
            case EmailKind.AftercareDay3:
                (subject, heading) = ("Aftercare: day three", "Day three of healing");
                t.Paragraph(hello).Paragraph("Most redness and swelling should be fading by now. Until your skin has fully healed:").List(HealingRules)
                    .Paragraph("If redness or swelling is getting worse, or you see signs of infection, contact the clinic.");
                break;
            case EmailKind.HealingCheckDay7:
                (subject, heading) = ("How is your skin a week on?", "A week on");
                t.Paragraph(hello)
                    .Paragraph("A week after your session, your skin has usually healed. If it has, you can go back to your normal skincare products. Keep using sunscreen every day.")
                    .Paragraph("If it is still red, sore or swollen, please contact the clinic before using retinoids or exfoliating acids.");
                break;
            case EmailKind.RebookingOpen:
                (subject, heading) = ("Time to book your next session", "Your next session can be booked now");
                t.Paragraph(hello).Paragraph(Window(model, "Sessions are spaced 4 to 6 weeks apart so that new collagen can form. Book your next session between {0} and {1}."))
                    .Link("Book your next session", Need(model.BookingUrl, model));
                break;
            case EmailKind.RebookingClosing:
                (subject, heading) = ("The window for your next session is closing", "Your booking window is closing");
                t.Paragraph(hello).Paragraph(Window(model, "The best time for your next session ends on {1}. Book soon to keep your treatment series on track."))
                    .Link("Book your next session", Need(model.BookingUrl, model));
                break;
            case EmailKind.Maintenance:
                (subject, heading) = ("Time for your yearly maintenance session", "A yearly maintenance session");
                t.Paragraph(hello)
                    .Paragraph("It has been about a year since your treatment series. Collagen production slows with age, so some scarring can return; a maintenance session about once a year keeps your results.")
                    .Link("Book a maintenance session", Need(model.BookingUrl, model));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(model), model.Kind, "Unknown email kind.");
        }

        var (text, html) = t.Build(heading, IsOptional(model.Kind) ? Need(model.UnsubscribeUrl, model) : null);
        return new RenderedEmail($"{subject} | {model.Clinic.Name}", text, html);
    }

    private static readonly string[] PreCare =
    [
        "Drink plenty of water in the 24 hours before, and again a few hours before your appointment.",
        "Come without makeup on the day.",
        "Avoid long sun exposure beforehand: irritated or sunburnt skin cannot be treated.",
        "If you have an active breakout, please reschedule instead of coming in.",
    ];

    private static readonly string[] HealingRules =
    [
        "Avoid direct sun for several days, and use sunscreen every day.",
        "No products with alcohol, retinoids or exfoliating acids until your skin has healed.",
        "No strenuous workouts for a few days.",
        "Do not pick or scratch the skin.",
    ];

    private static string Window(EmailModel model, string format) => string.Format(
        System.Globalization.CultureInfo.InvariantCulture, format,
        EmailText.Day(model.WindowStart ?? throw Missing(model, nameof(model.WindowStart))),
        EmailText.Day(model.WindowEnd ?? throw Missing(model, nameof(model.WindowEnd))));

    private static IReadOnlyList<SessionFacts> SessionsOf(EmailModel model) =>
        model.Sessions is { Count: > 0 } sessions ? sessions : [Need(model.Session, model)];

    private static T Need<T>(T? value, EmailModel model)
        where T : class => value ?? throw Missing(model, typeof(T).Name);

    private static ArgumentException Missing(EmailModel model, string what) => new($"A {model.Kind} email needs {what}.", nameof(model));
}
