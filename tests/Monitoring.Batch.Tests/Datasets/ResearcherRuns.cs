using Monitoring.Tests.Shared;

namespace Monitoring.Batch.Tests.Datasets;

/// <summary>The sample run's datasets in both languages (two batch runs, once for all the tests of the researchers' programs).</summary>
public sealed class ResearcherRuns : IAsyncLifetime, IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public string Dutch => Path.Combine(_folder.Path, "nl", "datasets");

    public string English => Path.Combine(_folder.Path, "en", "datasets");

    public string Datasets(string language) => language == "en" ? English : Dutch;

    public async Task InitializeAsync()
    {
        foreach (var language in new[] { "nl", "en" })
        {
            var result = await BatchJob.RunAsync(SampleRun.Options(Path.Combine(_folder.Path, language)) with { Language = language });
            Assert.True(result.Succeeded);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _folder.Dispose();

    /// <summary>Every table written, with its number of rows as the tests' own CSV parser reads it.</summary>
    public IReadOnlyDictionary<string, int> Rows(string language) =>
        Directory.GetFiles(Datasets(language), "*.csv").Where(f => Path.GetFileName(f) != "codebook.csv")
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => CsvTable.Read(f).Rows.Count);

    /// <summary>A copy of the datasets folder, for programs that write into it.</summary>
    internal TemporaryDirectory Copy(string language)
    {
        var copy = new TemporaryDirectory();
        foreach (var file in Directory.GetFiles(Datasets(language))) File.Copy(file, Path.Combine(copy.Path, Path.GetFileName(file)));
        return copy;
    }
}
