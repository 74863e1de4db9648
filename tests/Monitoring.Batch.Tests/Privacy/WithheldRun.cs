using Monitoring.Tests.Shared;

namespace Monitoring.Batch.Tests.Privacy;

/// <summary>One batch run over the sample study with oostende-bs-01's T0 staff set to 10 (bound 12) while it has over 20 submissions there.</summary>
public sealed class WithheldRun : IAsyncLifetime, IDisposable
{
    public const string School = "oostende-bs-01";

    private readonly TemporaryDirectory _output = new();

    internal TestStudy Study { get; } = TestStudy.Copy().EditOrganisation(o => o["schools"]![0]!["staff"]!["T0"] = 10);

    public string OutputDirectory => _output.Path;

    public BatchRunResult Result { get; private set; } = null!;

    public string Progress { get; private set; } = "";

    public async Task InitializeAsync()
    {
        using var progress = new StringWriter();
        Result = await BatchJob.RunAsync(new BatchOptions { StudyDirectory = Study.Directory, Responses = TestStudy.SampleResponses, OutputDirectory = OutputDirectory }, progress);
        Progress = progress.ToString();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Study.Dispose();
        _output.Dispose();
    }
}
