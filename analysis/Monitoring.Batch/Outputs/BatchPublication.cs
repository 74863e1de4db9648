using System.IO.Compression;
using Monitoring.Core.Submissions;

namespace Monitoring.Batch.Outputs;

/// <summary>
/// What a run publishes, by name: <see cref="PublishedArtifacts.Datasets"/> (a zip of every dataset, report and the
/// manifest, for researchers) and each network's report as <see cref="PublishedArtifacts.Report"/>, written to one target.
/// </summary>
public static class BatchPublication
{
    /// <summary>Publishes the outputs of <paramref name="result"/>, read from the run's folder <paramref name="runFolder"/>, to <paramref name="target"/>.</summary>
    /// <returns>The names written, the datasets first.</returns>
    /// <exception cref="ArgumentException">When the run did not complete.</exception>
    public static async Task<IReadOnlyList<string>> PublishAsync(BatchRunResult result, string runFolder, IOutputTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(target);
        if (!result.Succeeded) throw new ArgumentException("Only a completed run has outputs to publish.", nameof(result));
        var published = new List<string>();
        using (var zip = new MemoryStream())
        {
            using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
                foreach (var output in result.Outputs)
                    await archive.CreateEntryFromFileAsync(PathOf(runFolder, output), output.Name, CompressionLevel.Optimal, cancellationToken).ConfigureAwait(false);
            zip.Position = 0;
            await target.WriteAsync(PublishedArtifacts.Datasets, zip, cancellationToken).ConfigureAwait(false);
            published.Add(PublishedArtifacts.Datasets);
        }
        foreach (var output in result.Outputs)
        {
            if (output is not { Kind: BatchOutputKind.NetworkReport, Network: { } network }) continue;
            await using var html = File.OpenRead(PathOf(runFolder, output));
            var name = PublishedArtifacts.Report(network);
            await target.WriteAsync(name, html, cancellationToken).ConfigureAwait(false);
            published.Add(name);
        }
        return published;
    }

    private static string PathOf(string runFolder, BatchOutput output) => Path.Combine(runFolder, output.Name.Replace('/', Path.DirectorySeparatorChar));
}
