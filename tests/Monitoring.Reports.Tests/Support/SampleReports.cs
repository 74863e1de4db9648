using Monitoring.Analysis;
using Monitoring.Analysis.Responses;
using Monitoring.Core.Definitions;
using Monitoring.Core.Results;
using Monitoring.Core.Studies;
using Monitoring.Profiles;
using Monitoring.Reports.Profiles;

namespace Monitoring.Reports.Tests.Support;

/// <summary>
/// The sample study's real batch results (data-samples/responses.csv through the analysis pipeline), and
/// its reports rendered once in Dutch and once in English under the test output folder.
/// </summary>
public sealed class SampleReports : IAsyncLifetime
{
    public Study Study { get; private set; } = null!;

    public AnalysisOutcome Outcome { get; private set; } = null!;

    public BatchResults Results => Outcome.Results;

    public string Dutch { get; } = Path.Combine(AppContext.BaseDirectory, "reports", "nl");

    public string English { get; } = Path.Combine(AppContext.BaseDirectory, "reports", "en");

    /// <summary>The Dutch reports rendered without profiles, as when they could not be computed.</summary>
    public string WithoutProfiles { get; } = Path.Combine(AppContext.BaseDirectory, "reports", "nl-without-profiles");

    /// <summary>The sample's school profiles (the batch's profile step), shown in <see cref="Dutch"/> and <see cref="English"/>.</summary>
    public ProfileResults Profiles { get; private set; } = null!;

    public IReadOnlyList<string> DutchFiles { get; private set; } = [];

    public IReadOnlyList<string> EnglishFiles { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var root = Repository.Root;
        var definition = await StudyDefinitionLoader.LoadAsync(Path.Combine(root, "data-samples", "study"));
        Study = definition.Study ?? throw new InvalidOperationException(string.Join(Environment.NewLine, definition.Problems));
        var raw = await new RawResponseReader(Study).ReadAsync(Path.Combine(root, "data-samples", "responses.csv"));
        Outcome = AnalysisPipeline.Run(raw, new StepTimings());
        Profiles = SchoolProfiles.Compute(Study, Outcome.SchoolMeans, Study.Analysis.Profiles, Study.Analysis.PrivacyThreshold, Outcome.Results.Intraclass);
        if (!Profiles.IsComputed) throw new InvalidOperationException($"The sample's profiles were not computed: {Profiles.NotComputedReason}");
        foreach (var dir in new[] { Dutch, English, WithoutProfiles })
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        var input = new ReportInput(Results, ReportProfiles.From(Profiles));
        DutchFiles = ReportRenderer.RenderAll(input, Dutch, new ReportOptions { Language = "nl" });
        EnglishFiles = ReportRenderer.RenderAll(input, English, new ReportOptions { Language = "en" });
        ReportRenderer.RenderAll(new ReportInput(Results), WithoutProfiles, new ReportOptions { Language = "nl" });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public string Read(string directory, string file) => File.ReadAllText(Path.Combine(directory, file));
}

[CollectionDefinition(Name)]
public sealed class SampleReportsCollection : ICollectionFixture<SampleReports>
{
    public const string Name = "Sample reports";
}
