namespace Monitoring.Batch;

/// <summary>What one batch run reads and writes.</summary>
public sealed record BatchOptions
{
    /// <summary>The study definition folder.</summary>
    public required string StudyDirectory { get; init; }

    /// <summary>
    /// A raw response CSV file, or a folder of stored submissions as the collection app writes them (its
    /// data folder, which holds <c>submissions/</c>, or that <c>submissions/</c> folder itself).
    /// Ignored when <see cref="Store"/> is set.
    /// </summary>
    public string Responses { get; init; } = "";

    /// <summary>A submission store to read instead of <see cref="Responses"/> (e.g. the Azure Blob store).</summary>
    public Core.Submissions.ISubmissionStore? Store { get; init; }

    /// <summary>How <see cref="Store"/> is named in progress lines and the manifest.</summary>
    public string StoreDescription { get; init; } = "submission store";

    /// <summary>
    /// The output folder: datasets/, reports/ and manifest.json. A run writes them in a staging folder beside it and
    /// replaces the whole folder only when it succeeds; a folder that holds other files is refused.
    /// </summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The reports' language, "nl" (default) or "en".</summary>
    public string Language { get; init; } = "nl";

    /// <summary>Forces the number of school profiles; null chooses by the BIC of a Gaussian mixture (docs/methods.md).</summary>
    public int? ProfilesK { get; init; }
}
