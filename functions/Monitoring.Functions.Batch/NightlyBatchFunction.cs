using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Monitoring.Batch.Publishing;

namespace Monitoring.Functions.Batch;

/// <summary>
/// The nightly batch: analyses every stored submission and publishes the datasets and each network's report
/// to the artifact store. The Functions host runs one timer occurrence at a time across instances (its singleton lock).
/// </summary>
public sealed class NightlyBatchFunction(IBatchJob job, ILogger<NightlyBatchFunction> logger)
{
    /// <summary>The function's name.</summary>
    public const string Name = "NightlyBatch";

    /// <summary>Runs the batch once; <paramref name="timer"/> says whether the occurrence is past due.</summary>
    [Function(Name)]
    public async Task RunAsync([TimerTrigger("%Monitoring:Batch:Schedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        logger.LogInformation("Batch run started by the timer{PastDue}.", timer.IsPastDue ? " (past due)" : "");
        var result = await job.RunAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Batch finished: {Summary}\n{Progress}", result.Summary, result.Progress);
    }
}
