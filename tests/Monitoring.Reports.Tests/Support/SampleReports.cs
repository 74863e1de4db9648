using Monitoring.Analysis;
using Monitoring.Analysis.Responses;
using Monitoring.Core.Definitions;
using Monitoring.Core.Results;
using Monitoring.Core.Studies;

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

    public IReadOnlyList<string> DutchFiles { get; private set; } = [];

    public IReadOnlyList<string> EnglishFiles { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var root = Repository.Root;
        var definition = await StudyDefinitionLoader.LoadAsync(Path.Combine(root, "data-samples", "study"));
        Study = definition.Study ?? throw new InvalidOperationException(string.Join(Environment.NewLine, definition.Problems));
        var raw = await new RawResponseReader(Study).ReadAsync(Path.Combine(root, "data-samples", "responses.csv"));
        Outcome = AnalysisPipeline.Run(raw, new StepTimings());
        foreach (var dir in new[] { Dutch, English })
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        DutchFiles = ReportRenderer.RenderAll(new ReportInput(Results), Dutch, new ReportOptions { Language = "nl" });
        EnglishFiles = ReportRenderer.RenderAll(new ReportInput(Results), English, new ReportOptions { Language = "en" });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public string Read(string directory, string file) => File.ReadAllText(Path.Combine(directory, file));
}

[CollectionDefinition(Name)]
public sealed class SampleReportsCollection : ICollectionFixture<SampleReports>
{
    public const string Name = "Sample reports";
}
