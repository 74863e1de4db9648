namespace Monitoring.Reports;

/// <summary>How <see cref="ReportRenderer"/> writes the reports.</summary>
public sealed record ReportOptions
{
    /// <summary>The reports' language: "nl" (the default) or "en". Numbers use nl-BE conventions (decimal comma) in Dutch.</summary>
    public string Language { get; init; } = "nl";

    /// <summary>How many reports are rendered at once; null uses every processor. Default null.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Throws when an option is out of range: a caller's bug.</summary>
    /// <exception cref="ArgumentException">When the language is not "nl" or "en", or the parallelism is below 1.</exception>
    public void Validate()
    {
        if (Language is not ("nl" or "en"))
            throw new ArgumentException($"Unknown report language '{Language}'; use \"nl\" or \"en\".", nameof(Language));
        if (MaxDegreeOfParallelism is < 1)
            throw new ArgumentException("MaxDegreeOfParallelism must be at least 1.", nameof(MaxDegreeOfParallelism));
    }
}
