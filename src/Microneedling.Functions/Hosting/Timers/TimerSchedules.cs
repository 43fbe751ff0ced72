namespace Microneedling.Functions.Hosting.Timers;

/// <summary>Each timer's schedule, read from configuration and checked once at start-up.</summary>
public sealed class TimerSchedules
{
    private readonly Dictionary<string, NCrontabSchedule> _byName = new(StringComparer.OrdinalIgnoreCase);

    public TimerSchedules(IEnumerable<TimerDefinition> timers, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(timers);
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var timer in timers)
        {
            var expression = configuration[timer.ScheduleSetting];
            if (string.IsNullOrWhiteSpace(expression))
            {
                expression = timer.DefaultSchedule;
            }

            if (!NCrontabSchedule.TryParse(expression, out var schedule, out var error))
            {
                throw new InvalidOperationException($"Setting {timer.ScheduleSetting} for timer {timer.Name}: {error}");
            }

            if (!_byName.TryAdd(timer.Name, schedule))
            {
                throw new InvalidOperationException($"Two timer functions are named {timer.Name}.");
            }
        }
    }

    public NCrontabSchedule For(TimerDefinition timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return _byName[timer.Name];
    }
}
