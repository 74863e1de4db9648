namespace Monitoring.Batch.Publishing;

/// <summary>
/// The batch over the stored submissions that publishes datasets and reports to the artifact
/// store (<c>latest/datasets.zip</c>, <c>latest/reports/{network}.html</c>). Run by the timer
/// function of the batch function app and by the standalone server's local schedule.
/// </summary>
public interface IBatchJob
{
    /// <summary>Runs the batch once.</summary>
    Task<BatchJobResult> RunAsync(CancellationToken cancellationToken);
}
