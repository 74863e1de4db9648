namespace Monitoring.Functions.Hosting;

/// <summary>When the batch runs.</summary>
public sealed class BatchOptions
{
    /// <summary>
    /// Whether a hosted service runs the batch daily at <see cref="LocalTimeOfDay"/>. Default: on
    /// when the app runs standalone, off under the Functions host (its timer trigger runs it).
    /// </summary>
    public bool? LocalSchedule { get; set; }

    /// <summary>The local time of day of the scheduled run, "HH:mm". Default "02:00".</summary>
    public string LocalTimeOfDay { get; set; } = "02:00";

    /// <summary>
    /// Whether POST /NightlyBatch (the timer function) is served. Default: on under the Functions
    /// host, off standalone. It only answers requests from the loopback address (the host).
    /// </summary>
    public bool? TimerEndpoint { get; set; }

    internal TimeSpan TimeOfDay => TimeSpan.ParseExact(LocalTimeOfDay, @"hh\:mm", System.Globalization.CultureInfo.InvariantCulture);

    internal IEnumerable<string> Problems()
    {
        if (!TimeSpan.TryParseExact(LocalTimeOfDay, @"hh\:mm", System.Globalization.CultureInfo.InvariantCulture, out _))
            yield return $"Monitoring:Batch:LocalTimeOfDay '{LocalTimeOfDay}' is not HH:mm.";
    }
}
