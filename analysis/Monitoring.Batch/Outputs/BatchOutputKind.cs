namespace Monitoring.Batch.Outputs;

/// <summary>What a batch output is for.</summary>
public enum BatchOutputKind
{
    /// <summary>A researcher's dataset file under <c>datasets/</c> (CSV, codebook, load scripts).</summary>
    Dataset,

    /// <summary>A researchers' report page under <c>reports/</c> (index, study, trajectories).</summary>
    Report,

    /// <summary>A network's coordinator report under <c>reports/</c>; <see cref="BatchOutput.Network"/> names the network.</summary>
    NetworkReport,

    /// <summary>The run's <c>manifest.json</c>.</summary>
    Manifest,
}
