namespace Monitoring.Cli.Notebooks;

/// <summary>Settings of <see cref="NotebookCheck"/>.</summary>
internal sealed record NotebookCheckOptions
{
    /// <summary>The datasets folder the notebooks read (<c>out/datasets</c> of a run), passed as <see cref="DatasetsVariable"/>.</summary>
    public required string Datasets { get; init; }

    /// <summary>How long one notebook may take, restore and build included. Default: 10 minutes.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The build configuration of the program and the projects it references. Default: the configuration
    /// this command was built in, so that after <c>dotnet build -c Release</c> the projects are up to date.
    /// </summary>
    public string Configuration { get; init; } =
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    /// <summary>Where the converted programs are written, one sub-folder per notebook. Default: <c>monitoring-notebooks</c> in the temp folder.</summary>
    public string WorkDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "monitoring-notebooks");

    /// <summary>The environment variable a notebook reads its datasets folder from.</summary>
    public const string DatasetsVariable = "MONITORING_DATASETS";
}
