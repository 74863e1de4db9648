using Monitoring.Tests.Shared;

namespace Monitoring.Batch.Tests;

/// <summary>One batch run over the sample study and its 4,000 responses, shared by the tests that only read its outputs.</summary>
public sealed class SampleRun : IAsyncLifetime, IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public string OutputDirectory => _folder.Path;

    public BatchRunResult Result { get; private set; } = null!;

    public string Progress { get; private set; } = "";

    public string Datasets => Path.Combine(OutputDirectory, "datasets");

    public static BatchOptions Options(string output) => new()
    {
        StudyDirectory = TestStudy.SampleStudyDirectory,
        Responses = TestStudy.SampleResponses,
        OutputDirectory = output,
    };

    public async Task InitializeAsync()
    {
        using var progress = new StringWriter();
        Result = await BatchJob.RunAsync(Options(OutputDirectory), progress);
        Progress = progress.ToString();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _folder.Dispose();
}

[CollectionDefinition(Name)]
public sealed class SampleRunCollection : ICollectionFixture<SampleRun>
{
    public const string Name = "sample run";
}
