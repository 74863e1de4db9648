namespace Monitoring.Core.Tests;

/// <summary>Finds the checkout the tests run in, by walking up from the test assembly to <c>Monitoring.sln</c>.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The sample study definition, <c>data-samples/study</c>.</summary>
    public static string SampleStudy => Path.Combine(Root, "data-samples", "study");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Monitoring.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Monitoring.sln above {AppContext.BaseDirectory}.");
    }
}
