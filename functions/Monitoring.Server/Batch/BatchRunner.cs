using Monitoring.Batch.Publishing;

namespace Monitoring.Functions.Batch;

/// <summary>Runs the <see cref="IBatchJob"/> one at a time: a trigger that arrives while a run is going gets null.</summary>
public sealed class BatchRunner(IBatchJob job, ILogger<BatchRunner> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Runs the batch, or returns null when a run is already going.</summary>
    public async Task<BatchJobResult?> TryRunAsync(string trigger, CancellationToken cancellationToken)
    {
        if (!await _gate.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            logger.LogWarning("Batch triggered by {Trigger} while a run is going; skipped.", trigger);
            return null;
        }
        try
        {
            logger.LogInformation("Batch run started by {Trigger}.", trigger);
            var result = await job.RunAsync(cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Batch finished: {Summary}\n{Progress}", result.Summary, result.Progress);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }
}
