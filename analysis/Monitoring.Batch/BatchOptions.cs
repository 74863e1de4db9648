namespace Monitoring.Batch;

/// <summary>What one batch run reads and writes.</summary>
public sealed record BatchOptions
{
    /// <summary>The study definition folder.</summary>
    public required string StudyDirectory { get; init; }

    /// <summary>A raw response CSV file, or a folder of stored submissions (the file store's layout).</summary>
    public required string Responses { get; init; }

    /// <summary>The output folder: datasets/, reports/ and manifest.json are written in it.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The reports' language, "nl" (default) or "en".</summary>
    public string Language { get; init; } = "nl";

    /// <summary>Forces the number of school profiles; null chooses by silhouette.</summary>
    public int? ProfilesK { get; init; }
}
