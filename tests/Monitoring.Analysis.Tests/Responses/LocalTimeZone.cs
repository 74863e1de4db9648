namespace Monitoring.Analysis.Tests.Responses;

/// <summary>Tests in this collection change the process's local time zone, so they run alone.</summary>
[CollectionDefinition(nameof(LocalTimeZone), DisableParallelization = true)]
public sealed class LocalTimeZone
{
    /// <summary>Runs <paramref name="action"/> with the local time zone set to <paramref name="zone"/> (IANA id), then restores it.</summary>
    public static void With(string zone, Action action)
    {
        var previous = Environment.GetEnvironmentVariable("TZ");
        Environment.SetEnvironmentVariable("TZ", zone);
        TimeZoneInfo.ClearCachedData();
        try
        {
            Assert.Equal(zone, TimeZoneInfo.Local.Id);
            action();
        }
        finally
        {
            Environment.SetEnvironmentVariable("TZ", previous);
            TimeZoneInfo.ClearCachedData();
        }
    }
}
