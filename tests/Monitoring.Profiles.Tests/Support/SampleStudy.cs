using Monitoring.Core.Definitions;
using Monitoring.Core.Studies;

namespace Monitoring.Profiles.Tests.Support;

/// <summary>The sample study of data-samples/study, loaded once.</summary>
internal static class SampleStudy
{
    private static readonly Lazy<Task<Study>> Loaded = new(LoadAsync);

    public static Task<Study> GetAsync() => Loaded.Value;

    /// <summary>The repository root: the nearest folder above the test binaries with Monitoring.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Monitoring.sln"))) return dir.FullName;
        throw new InvalidOperationException("Monitoring.sln not found above " + AppContext.BaseDirectory);
    }

    private static async Task<Study> LoadAsync()
    {
        var result = await StudyDefinitionLoader.LoadAsync(Path.Combine(RepositoryRoot(), "data-samples", "study"));
        return result.Study ?? throw new InvalidOperationException("The sample study does not load.");
    }
}
