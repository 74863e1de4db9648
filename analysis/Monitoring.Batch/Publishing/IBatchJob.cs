namespace Monitoring.Functions.Batch;

/// <summary>
/// The batch over the stored submissions that publishes datasets and reports to the artifact
/// store (<c>latest/datasets.zip</c>, <c>latest/reports/{network}.html</c>). Run by the timer
/// function under the Functions host and by <see cref="LocalBatchSchedule"/> standalone.
/// </summary>
public interface IBatchJob
{
    /// <summary>Runs the batch once.</summary>
    Task<BatchJobResult> RunAsync(CancellationToken cancellationToken);
}
