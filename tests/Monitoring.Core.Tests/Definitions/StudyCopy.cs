using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.Core.Definitions;

namespace Monitoring.Core.Tests.Definitions;

/// <summary>A copy of the sample study in a temporary folder, to break one thing at a time.</summary>
internal sealed class StudyCopy : IDisposable
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public StudyCopy()
    {
        Directory = Path.Combine(Path.GetTempPath(), "monitoring-tests", Guid.NewGuid().ToString("N"));
        Copy(Repository.SampleStudy, Directory);
    }

    public string Directory { get; }

    public string PathOf(string file) => Path.Combine(Directory, file);

    /// <summary>Parses <paramref name="file"/>, lets <paramref name="edit"/> change it, and writes it back.</summary>
    public StudyCopy Edit(string file, Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(File.ReadAllText(PathOf(file)))!.AsObject();
        edit(node);
        File.WriteAllText(PathOf(file), node.ToJsonString(Indented));
        return this;
    }

    /// <summary>Replaces every occurrence of <paramref name="old"/> in <paramref name="file"/> (e.g. to rename an id everywhere).</summary>
    public StudyCopy Replace(string file, string old, string replacement)
    {
        var text = File.ReadAllText(PathOf(file));
        Assert.Contains(old, text);
        File.WriteAllText(PathOf(file), text.Replace(old, replacement, StringComparison.Ordinal));
        return this;
    }

    public StudyCopy Write(string file, string text)
    {
        File.WriteAllText(PathOf(file), text);
        return this;
    }

    public Task<DefinitionResult> LoadAsync() => StudyDefinitionLoader.LoadAsync(Directory);

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static void Copy(string source, string target)
    {
        System.IO.Directory.CreateDirectory(target);
        foreach (var file in System.IO.Directory.GetFiles(source)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        foreach (var dir in System.IO.Directory.GetDirectories(source)) Copy(dir, Path.Combine(target, Path.GetFileName(dir)));
    }
}
