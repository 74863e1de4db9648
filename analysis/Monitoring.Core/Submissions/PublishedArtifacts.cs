using Monitoring.Core.Studies;

namespace Monitoring.Core.Submissions;

/// <summary>
/// The names under which the batch publishes its outputs to the <see cref="IArtifactStore"/> and the
/// download endpoints serve them: one place, so the publisher and the server cannot disagree.
/// </summary>
public static class PublishedArtifacts
{
    /// <summary>The latest datasets: a zip of <c>datasets/</c>, <c>reports/</c> and <c>manifest.json</c>.</summary>
    public const string Datasets = "latest/datasets.zip";

    /// <summary>The latest report of <paramref name="network"/>, one self-contained HTML page.</summary>
    public static string Report(NetworkId network) => $"latest/reports/{network.Value}.html";
}
