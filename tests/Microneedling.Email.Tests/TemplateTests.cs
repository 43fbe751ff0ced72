using Microneedling.Email.Templates;

namespace Microneedling.Email.Tests;

public class TemplateTests
{
    public static TheoryData<EmailKind, string[]> KeyFacts => new()
    {
        { EmailKind.BookingConfirmation, ["Monday 11 January 2027, 09:00 to 10:00 (Europe/London time)", "Clearskin Soho", "Dr Amira Khan", "Session 1 of 3", "Drink plenty of water", "without makeup", "active breakout", "Reschedule or cancel"] },
        { EmailKind.Rescheduled, ["Monday 11 January 2027, 09:00", "replaces the earlier one", "Reschedule or cancel"] },
        { EmailKind.Cancelled, ["has been cancelled", "Monday 11 January 2027", "Book another time"] },
        { EmailKind.ConsultNeeded, ["practitioner would like to see you", "scar easily", "Book a consultation"] },
        { EmailKind.PreCare, ["tomorrow", "Drink plenty of water in the 24 hours before", "without makeup", "long sun exposure", "reschedule"] },
        { EmailKind.AftercareDay0, ["mild sunburn", "No makeup and no sun exposure for at least 24 hours", "gentle cleanser", "hydrating serum", "pick or scratch", "infection"] },
        { EmailKind.AftercareDay1, ["sunscreen every day", "alcohol, retinoids or exfoliating acids", "strenuous workouts", "pick or scratch"] },
        { EmailKind.AftercareDay3, ["fading", "sunscreen every day", "signs of infection"] },
        { EmailKind.HealingCheckDay7, ["normal skincare products", "sunscreen"] },
        { EmailKind.RebookingOpen, ["4 to 6 weeks", "Monday 8 February 2027", "Monday 22 February 2027", "Book your next session"] },
        { EmailKind.RebookingClosing, ["ends on Monday 22 February 2027", "Book your next session"] },
        { EmailKind.Maintenance, ["about a year", "Collagen production slows with age", "Book a maintenance session"] },
    };

    [Theory]
    [InlineData(EmailKind.BookingConfirmation, "Your treatment series is booked | Clearskin Clinic", "Your treatment series is booked: 3 sessions.")]
    [InlineData(EmailKind.Cancelled, "Your appointments are cancelled | Clearskin Clinic", "These appointments have been cancelled:")]
    public void A_series_is_told_in_one_email_listing_every_session(EmailKind kind, string subject, string lead)
    {
        var series = new[] { 0, 28, 56 }.Select((days, i) => Samples.Session with
        {
            LocalStart = Samples.Session.LocalStart.AddDays(days),
            LocalEnd = Samples.Session.LocalEnd.AddDays(days),
            Number = i + 1,
        }).ToList();

        var email = EmailTemplates.Render(Samples.Model(kind) with { Sessions = series });

        Assert.Equal(subject, email.Subject);
        Assert.Contains(lead, email.PlainText, StringComparison.Ordinal);
        foreach (var (label, day) in new[] { ("Session 1 of 3:", "Monday 11 January 2027"), ("Session 2 of 3:", "Monday 8 February 2027"), ("Session 3 of 3:", "Monday 8 March 2027") })
        {
            Assert.Contains(label, email.PlainText, StringComparison.Ordinal);
            Assert.Contains(day, email.PlainText, StringComparison.Ordinal);
            Assert.Contains(day, email.Html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(KeyFacts))]
    public void Each_email_states_its_key_facts_in_both_bodies(EmailKind kind, string[] facts)
    {
        var email = EmailTemplates.Render(Samples.Model(kind));

        Assert.EndsWith("| Clearskin Clinic", email.Subject, StringComparison.Ordinal);
        foreach (var fact in facts)
        {
            Assert.Contains(fact, email.PlainText, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(fact), email.Html, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("Hello Zoë O'Brien,", email.PlainText, StringComparison.Ordinal);
        Assert.Contains("12 Greek Street, London W1D 4DL", email.PlainText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EmailKind.RebookingOpen, true)]
    [InlineData(EmailKind.RebookingClosing, true)]
    [InlineData(EmailKind.Maintenance, true)]
    [InlineData(EmailKind.PreCare, false)]
    [InlineData(EmailKind.BookingConfirmation, false)]
    [InlineData(EmailKind.AftercareDay0, false)]
    public void Only_optional_emails_offer_unsubscribing(EmailKind kind, bool optional)
    {
        var email = EmailTemplates.Render(Samples.Model(kind));

        Assert.Equal(optional, email.PlainText.Contains("/unsubscribe/u_1", StringComparison.Ordinal));
        Assert.Equal(optional, email.Html.Contains("/unsubscribe/u_1", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_value_from_a_person_is_html_escaped()
    {
        var hostile = "<script>alert('x')</script> & \"quotes\"";
        var model = Samples.Model(EmailKind.BookingConfirmation, hostile) with
        {
            Session = Samples.Session with { LocationName = "<b>Soho</b>", PractitionerName = "<img src=x onerror=alert(1)>" },
            ManageUrl = new Uri("https://book.clearskin.example/manage/\"><script>"),
        };

        var html = EmailTemplates.Render(model).Html;

        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>Soho", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_missing_what_its_email_needs_is_refused()
    {
        var model = Samples.Model(EmailKind.PreCare) with { Session = null };

        Assert.Throws<ArgumentException>(() => EmailTemplates.Render(model));
    }
}
