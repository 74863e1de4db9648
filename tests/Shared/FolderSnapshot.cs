using System.Security.Cryptography;

namespace Monitoring.Tests.Shared;

/// <summary>Every file under a folder with its SHA-256, to show that a run left the folder byte-identical.</summary>
internal static class FolderSnapshot
{
    /// <summary>"relative/path sha256" per file, sorted; empty folders listed with a trailing '/'.</summary>
    public static IReadOnlyList<string> Of(string folder)
    {
        var entries = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            entries.Add($"{Path.GetRelativePath(folder, file).Replace('\\', '/')} {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)))}");
        foreach (var directory in Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories))
            if (!Directory.EnumerateFileSystemEntries(directory).Any()) entries.Add(Path.GetRelativePath(folder, directory).Replace('\\', '/') + "/");
        entries.Sort(StringComparer.Ordinal);
        return entries;
    }

    /// <summary>What the run left beside <paramref name="output"/>: staging or set-aside folders of a run (OUT.tmp-*, OUT.old-*).</summary>
    public static IReadOnlyList<string> Leftovers(string output) =>
        Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(Path.GetFullPath(output))!, "*").Select(Path.GetFileName)
            .Where(n => n!.StartsWith(Path.GetFileName(output) + ".", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList()!;
}
