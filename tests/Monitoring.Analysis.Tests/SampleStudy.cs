using Monitoring.Core.Definitions;
using Monitoring.Core.Studies;

namespace Monitoring.Analysis.Tests;

/// <summary>The sample study of the checkout the tests run in (found by walking up to <c>Monitoring.sln</c>), loaded once.</summary>
internal static class SampleStudy
{
    private static readonly Lazy<Task<Study>> Loaded = new(async () =>
    {
        var result = await StudyDefinitionLoader.LoadAsync(Directory);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        return result.Study;
    });

    public static string Root { get; } = FindRoot();

    public static string Directory => Path.Combine(Root, "data-samples", "study");

    public static Task<Study> LoadAsync() => Loaded.Value;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Monitoring.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Monitoring.sln above {AppContext.BaseDirectory}.");
    }
}
