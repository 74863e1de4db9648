namespace Monitoring.Cli.Tests;

/// <summary>The <c>monitoring</c> command as a whole: the built program and its help.</summary>
public sealed class ProgramTests
{
    [Fact]
    public void TheBuiltCommandIsCopiedNextToTheTests()
    {
        Assert.True(File.Exists(MonitoringProcess.Assembly), $"{MonitoringProcess.Assembly} is missing");
        Assert.True(File.Exists(Path.ChangeExtension(MonitoringProcess.Assembly, ".runtimeconfig.json")));
        Assert.True(File.Exists(Path.Combine(MonitoringProcess.BrokenStudy, "study.json")));
    }

    [Fact]
    public async Task HelpOnTheRootCommandListsTheCommands()
    {
        var result = await MonitoringProcess.RunAsync(["--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
        Assert.Contains("validate", result.Output, StringComparison.Ordinal);
        Assert.Contains("generate", result.Output, StringComparison.Ordinal);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task AnUnknownCommandFailsWithAMessage()
    {
        var result = await MonitoringProcess.RunAsync(["valdiate"]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("valdiate", result.Error, StringComparison.Ordinal);
    }
}
