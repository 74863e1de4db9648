using Monitoring.Core.Studies;
using Monitoring.Core.Submissions;

namespace Monitoring.Functions.Batch;

/// <summary>
/// Stand-in until the analysis batch is plugged in: counts the stored submissions, logs the count
/// and publishes nothing.
/// </summary>
public sealed class LoggingBatchJob(Study study, ISubmissionStore store, ILogger<LoggingBatchJob> logger) : IBatchJob
{
    /// <inheritdoc/>
    public async Task<BatchJobResult> RunAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in store.ReadAllAsync(study.Id, cancellationToken).ConfigureAwait(false)) count++;
        var summary = $"Batch stand-in: {count} submissions stored for study {study.Id}; nothing published (the analysis batch is not plugged in yet).";
        logger.LogInformation("{Summary}", summary);
        return new BatchJobResult(count, [], summary);
    }
}
