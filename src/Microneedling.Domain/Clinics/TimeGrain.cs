namespace Microneedling.Domain.Clinics;

/// <summary>The grain of clinic time: every start, duration, buffer and shift start is a multiple of it, so slots line up.</summary>
public static class TimeGrain
{
    public const int Minutes = 5;
}
