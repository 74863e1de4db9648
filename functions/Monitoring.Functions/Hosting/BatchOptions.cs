namespace Monitoring.Functions.Hosting;

/// <summary>When the batch runs.</summary>
public sealed class BatchOptions
{
    /// <summary>
    /// Whether the standalone server (Monitoring.Server) runs the batch daily at <see cref="LocalTimeOfDay"/>.
    /// Default on. In Azure the batch function app's timer runs it instead (<see cref="Schedule"/>).
    /// </summary>
    public bool? LocalSchedule { get; set; }

    /// <summary>The local time of day of the scheduled run, "HH:mm". Default "02:00".</summary>
    public string LocalTimeOfDay { get; set; } = "02:00";

    /// <summary>
    /// The batch function app's timer schedule, an NCRONTAB expression with seconds ("0 0 2 * * *", the default:
    /// 02:00 UTC, or WEBSITE_TIME_ZONE's time). Its timer trigger reads this setting as <c>%Monitoring:Batch:Schedule%</c>.
    /// </summary>
    public string Schedule { get; set; } = "0 0 2 * * *";

    internal TimeSpan TimeOfDay => TimeSpan.ParseExact(LocalTimeOfDay, @"hh\:mm", System.Globalization.CultureInfo.InvariantCulture);

    internal IEnumerable<string> Problems()
    {
        if (!TimeSpan.TryParseExact(LocalTimeOfDay, @"hh\:mm", System.Globalization.CultureInfo.InvariantCulture, out _))
            yield return $"Monitoring:Batch:LocalTimeOfDay '{LocalTimeOfDay}' is not HH:mm.";
        if (Schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 6)
            yield return $"Monitoring:Batch:Schedule '{Schedule}' is not an NCRONTAB expression with six fields (second minute hour day month weekday).";
    }
}
