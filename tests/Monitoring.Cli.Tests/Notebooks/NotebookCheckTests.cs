using System.CommandLine;
using Monitoring.Cli.Commands;
using Monitoring.Cli.Notebooks;

namespace Monitoring.Cli.Tests.Notebooks;

/// <summary>
/// The notebook check end to end: a real `monitoring run` over the sample, then each notebook as a file-based
/// app (restore, build, run). Slow (tens of seconds per notebook), so one class: xunit runs its tests one after
/// the other, and they never build the referenced projects concurrently.
/// </summary>
public sealed class NotebookCheckTests(NotebookCheckTests.SampleRun run) : IClassFixture<NotebookCheckTests.SampleRun>
{
    private static string Fixtures => Path.Combine(AppContext.BaseDirectory, "fixtures", "notebooks");

    [Fact]
    public async Task EveryNotebookRunsOverTheSampleRunsOutputs()
    {
        var results = await NotebookCheck.RunAllAsync(Path.Combine(MonitoringProcess.Root, "notebooks"), run.Options);

        Assert.Equal(["01-load-and-explore.ipynb", "02-network-progress-chart.ipynb", "03-custom-analysis.ipynb"], results.Select(r => r.Notebook));
        Assert.All(results, r => Assert.True(r.Succeeded, $"{r.Notebook} failed in cell {r.Cell}:\n{r.Error}"));
        var explore = results[0].Output;
        Assert.Contains("3725 responses, 55 columns.", explore, StringComparison.Ordinal);
        Assert.Contains("welbevinden         -> Welbevinden", explore, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(run.Directory, "notebook-charts", "kust-en-polder-welbevinden.png")));
        Assert.True(File.Exists(Path.Combine(run.Directory, "notebook-charts", "kust-en-polder-bevlogenheid-all.png")));
        Assert.Contains("Cronbach's alpha of welbevinden per network and wave (Pairwise)", results[2].Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACellThatThrowsFailsTheCheckAndIsNamed()
    {
        var result = await NotebookCheck.RunAsync(Path.Combine(Fixtures, "throws", "throws.ipynb"), run.Options);

        Assert.False(result.Succeeded);
        Assert.Equal(3, result.Cell);
        Assert.Contains("System.InvalidOperationException: Planted failure after reading 3726 lines.", result.Error, StringComparison.Ordinal);
        Assert.Contains("throws.ipynb cell 3:line 3", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("never reached", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACompilerErrorFailsTheCheckWithCellAndLine()
    {
        var result = await NotebookCheck.RunAsync(Path.Combine(Fixtures, "compile-error", "compile-error.ipynb"), run.Options);

        Assert.False(result.Succeeded);
        Assert.Equal(3, result.Cell);
        Assert.StartsWith("cell 3, line 2, column 9: error CS0103: The name 'undefinedName' does not exist in the current context", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCommandExitsOneAndPrintsTheFailedCell()
    {
        var output = new StringWriter();
        var command = new RootCommand { NotebooksCommand.Create() };
        string[] args = ["notebooks", "check", "--notebooks", Path.Combine(Fixtures, "throws", "throws.ipynb"), "--datasets", run.Options.Datasets];

        var exitCode = await command.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = output });

        Assert.Equal(1, exitCode);
        Assert.Matches(@"FAILED  throws\.ipynb \([0-9.]+ s\): cell 3\n", output.ToString().ReplaceLineEndings("\n"));
        Assert.Contains("        Unhandled exception. System.InvalidOperationException: Planted failure", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("0 of 1 notebooks ran", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCommandAsksForARunWhenTheDatasetsAreMissing()
    {
        var output = new StringWriter();
        var command = new RootCommand { NotebooksCommand.Create() };
        string[] args = ["notebooks", "check", "--notebooks", Path.Combine(Fixtures, "throws"), "--datasets", Path.Combine(run.Directory, "nowhere")];

        var exitCode = await command.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = output });

        Assert.Equal(2, exitCode);
        Assert.Contains("run `monitoring run` first", output.ToString(), StringComparison.Ordinal);
    }

    /// <summary>`monitoring run` over the sample study into a temporary folder, once for the class.</summary>
    public sealed class SampleRun : IAsyncLifetime
    {
        public string Directory { get; } = Path.Combine(Path.GetTempPath(), "monitoring-tests", "notebooks-" + Guid.NewGuid().ToString("N")[..8]);

        internal NotebookCheckOptions Options => new() { Datasets = Path.Combine(Directory, "datasets") };

        public async Task InitializeAsync()
        {
            var result = await MonitoringProcess.RunAsync(["run", "--out", Directory, "--quiet"]);
            Assert.True(result.ExitCode == 0, result.Error);
        }

        public Task DisposeAsync()
        {
            System.IO.Directory.Delete(Directory, recursive: true);
            return Task.CompletedTask;
        }
    }
}
