using Monitoring.Analysis.Synthetic;
using Monitoring.Core.Definitions;
using Monitoring.Tests.Shared;

namespace Monitoring.Batch.Tests.Privacy;

/// <summary>
/// One batch run over a generated study of 50,000 responses (the sample study scaled up by <see cref="ResponseGenerator.ForSize"/>,
/// its organisation written next to a copy of the definition), shared by the tests that read its outputs.
/// </summary>
public sealed class GeneratedRun : IAsyncLifetime, IDisposable
{
    public const int Responses = 50_000;

    private readonly TemporaryDirectory _folder = new();
    private TestStudy? _study;

    public string OutputDirectory => Path.Combine(_folder.Path, "out");

    public string StudyDirectory => _study!.Directory;

    public BatchRunResult Result { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _study = TestStudy.Copy();
        var sample = await TestStudy.SampleAsync();
        var generator = ResponseGenerator.ForSize(sample, new GeneratorOptions { Responses = Responses, Seed = 20260412 });
        await using (var organisation = File.Create(Path.Combine(_study.Directory, "organisation.json")))
            await OrganisationWriter.WriteAsync(generator.Study, organisation);
        var responses = Path.Combine(_folder.Path, "responses.csv");
        await using (var file = File.Create(responses))
            await generator.WriteAsync(file);
        Result = await BatchJob.RunAsync(new BatchOptions { StudyDirectory = _study.Directory, Responses = responses, OutputDirectory = OutputDirectory });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _study?.Dispose();
        _folder.Dispose();
    }
}
