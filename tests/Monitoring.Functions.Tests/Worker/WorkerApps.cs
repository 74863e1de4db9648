using System.Text.Json;
using Monitoring.Functions.Tests.Support;

namespace Monitoring.Functions.Tests.Worker;

/// <summary>The isolated worker apps' build output: where it is and what the SDK wrote there.</summary>
internal static class WorkerApps
{
    public const string Collection = "Monitoring.Functions.Collection";
    public const string Batch = "Monitoring.Functions.Batch";

    public static string Project(string app) => Path.Combine(Repository.Root, "functions", app);

    /// <summary>The app's build output folder of the same configuration as the tests.</summary>
    public static string Output(string app)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var folder = Path.Combine(Project(app), "bin", configuration, "net10.0");
        Assert.True(File.Exists(Path.Combine(folder, app + ".dll")), $"Build the solution first: {folder} has no {app}.dll.");
        return folder;
    }

    /// <summary>The functions.metadata the Functions worker SDK generated for the app.</summary>
    public static IReadOnlyList<JsonElement> Metadata(string app)
    {
        var path = Path.Combine(Output(app), "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: the Functions worker SDK did not run.");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    public static JsonElement Json(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
}
