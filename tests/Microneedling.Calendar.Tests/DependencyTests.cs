using Microneedling.Domain.Calendars;

namespace Microneedling.Calendar.Tests;

public class DependencyTests
{
    /// <summary>The domain describes sessions; the calendar format is this project's business, and it depends on the domain, not the reverse.</summary>
    [Fact]
    public void The_domain_references_no_calendar_library()
    {
        var references = typeof(SessionCalendar).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain("Microneedling.Calendar", references);
        Assert.DoesNotContain("Ical.Net", references);
        Assert.Contains("Microneedling.Domain", typeof(CalendarFiles).Assembly.GetReferencedAssemblies().Select(a => a.Name));
    }
}
