using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.Core.Definitions;
using Monitoring.Core.Studies;

namespace Monitoring.Tests.Shared;

/// <summary>
/// The sample study definition (data-samples/study), found by walking up from the test binaries,
/// or an editable copy of it in a temporary folder (for settings a test switches on or off).
/// </summary>
internal sealed class TestStudy : IDisposable
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly TemporaryDirectory _folder = new();

    private TestStudy()
    {
        Directory = System.IO.Path.Combine(_folder.Path, "study");
        CopyDirectory(SampleStudyDirectory, Directory);
    }

    /// <summary>The folder of the copy.</summary>
    public string Directory { get; }

    /// <summary>The repository's data-samples folder.</summary>
    public static string DataSamples { get; } = FindDataSamples();

    /// <summary>The sample study's folder (never edit it).</summary>
    public static string SampleStudyDirectory => System.IO.Path.Combine(DataSamples, "study");

    /// <summary>The sample responses (4,000 synthetic rows).</summary>
    public static string SampleResponses => System.IO.Path.Combine(DataSamples, "responses.csv");

    private static readonly Lazy<Task<Study>> Sample = new(() => LoadValidAsync(SampleStudyDirectory));

    /// <summary>The sample study, loaded once.</summary>
    public static Task<Study> SampleAsync() => Sample.Value;

    /// <summary>A copy of the sample study that a test may edit.</summary>
    public static TestStudy Copy() => new();

    /// <summary>Edits study.json.</summary>
    public TestStudy EditStudy(Action<JsonObject> edit) => Edit("study.json", edit);

    /// <summary>Edits organisation.json.</summary>
    public TestStudy EditOrganisation(Action<JsonObject> edit) => Edit("organisation.json", edit);

    /// <summary>Edits instruments/{name}.json.</summary>
    public TestStudy EditInstrument(string name, Action<JsonObject> edit) => Edit($"instruments/{name}.json", edit);

    /// <summary>Sets analysis.cleaning.{rule}.{property} in study.json.</summary>
    public TestStudy SetCleaning(string rule, string property, JsonNode value) =>
        EditStudy(s => s["analysis"]!["cleaning"]![rule]![property] = value);

    /// <summary>Loads the (edited) copy; fails the test when it is not valid.</summary>
    public Task<Study> LoadAsync() => LoadValidAsync(Directory);

    public void Dispose() => _folder.Dispose();

    private TestStudy Edit(string relative, Action<JsonObject> edit)
    {
        var path = System.IO.Path.Combine(Directory, relative);
        var node = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(node);
        File.WriteAllText(path, node.ToJsonString(Indented));
        return this;
    }

    private static async Task<Study> LoadValidAsync(string directory)
    {
        var result = await StudyDefinitionLoader.LoadAsync(directory);
        if (result.Study is null)
            throw new InvalidOperationException("The test study is not valid: " + string.Join("; ", result.Problems));
        return result.Study;
    }

    private static void CopyDirectory(string from, string to)
    {
        System.IO.Directory.CreateDirectory(to);
        foreach (var file in System.IO.Directory.GetFiles(from))
            File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        foreach (var sub in System.IO.Directory.GetDirectories(from))
            CopyDirectory(sub, System.IO.Path.Combine(to, System.IO.Path.GetFileName(sub)));
    }

    private static string FindDataSamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "data-samples");
            if (System.IO.Directory.Exists(System.IO.Path.Combine(candidate, "study"))) return candidate;
        }
        throw new DirectoryNotFoundException("No data-samples/study above " + AppContext.BaseDirectory);
    }
}
