using Monitoring.Batch.Outputs;
using Monitoring.Core.Submissions;

namespace Monitoring.Batch.Publishing;

/// <summary>
/// The scheduled batch: runs <see cref="BatchJob"/> over every stored submission in a scratch folder,
/// then publishes its outputs by name (<see cref="BatchPublication"/>) to the artifact store: the datasets
/// (with the manifest and every report page, for researchers) as <see cref="PublishedArtifacts.Datasets"/> and
/// each network's report as <see cref="PublishedArtifacts.Report"/>.
/// Shared by the standalone server's local schedule and the batch function app's timer.
/// </summary>
public sealed class AnalysisBatchJob(string studyDirectory, ISubmissionStore store, IArtifactStore artifacts) : IBatchJob
{
    /// <inheritdoc/>
    public async Task<BatchJobResult> RunAsync(CancellationToken cancellationToken)
    {
        var scratch = Directory.CreateTempSubdirectory("monitoring-batch-");
        try
        {
            var progress = new StringWriter();
            var result = await BatchJob.RunAsync(new BatchOptions
            {
                StudyDirectory = studyDirectory,
                Store = store,
                StoreDescription = "collection store",
                OutputDirectory = scratch.FullName,
            }, progress, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
                throw new InvalidOperationException(result.Failure switch
                {
                    BatchFailure.Definition => "The study definition has problems:" + string.Concat(result.Definition.Problems.Select(p => "\n  - " + p)),
                    BatchFailure.Input => $"The submissions in {result.InputSource} cannot be read:" + string.Concat(result.InputProblems.Select(p => "\n  - " + p)),
                    _ => $"The outputs cannot be written: {result.OutputProblem}",
                });

            var published = await BatchPublication.PublishAsync(result, scratch.FullName, new ArtifactOutputTarget(artifacts), cancellationToken).ConfigureAwait(false);
            var outcome = result.Outcome!;
            return new BatchJobResult(outcome.Raw.RowsRead, published,
                $"{outcome.Raw.RowsRead} submissions read, {outcome.Scored.Count} kept; published {published.Count} artifact(s).")
            {
                Progress = progress.ToString(),
            };
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }
}
