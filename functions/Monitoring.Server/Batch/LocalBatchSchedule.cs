namespace Monitoring.Functions.Batch;

/// <summary>Runs the batch daily at a local time of day when the app runs standalone (no Functions timer).</summary>
public sealed class LocalBatchSchedule(BatchRunner runner, TimeProvider time, TimeSpan timeOfDay, ILogger<LocalBatchSchedule> logger) : BackgroundService
{
    /// <summary>The next run after <paramref name="now"/> (local time).</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, TimeSpan timeOfDay)
    {
        var today = new DateTimeOffset(now.Date + timeOfDay, now.Offset);
        return today > now ? today : today.AddDays(1);
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetLocalNow();
            var next = NextRun(now, timeOfDay);
            logger.LogInformation("Next local batch run at {Next:O}.", next);
            try
            {
                await Task.Delay(next - now, time, stoppingToken).ConfigureAwait(false);
                await runner.TryRunAsync("local schedule", stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                logger.LogError(e, "The scheduled batch run failed; the next run is tomorrow.");
            }
        }
    }
}
