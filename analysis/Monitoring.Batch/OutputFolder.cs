using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Monitoring.Batch;

/// <summary>
/// Where a run writes: a staging folder <c>OUT.tmp-&lt;id&gt;</c> beside the output folder OUT (in the same parent, so
/// that publishing is a rename on one file system), which replaces OUT only when the run succeeds. Until then OUT keeps
/// the previous run's outputs, byte for byte, whatever happens to this run.
/// </summary>
/// <remarks>
/// Publishing is two renames: OUT to <c>OUT.old-&lt;id&gt;</c>, then the staging folder to OUT; the old folder is
/// deleted afterwards. Between the two renames OUT does not exist; a crash there leaves <c>OUT.old-&lt;id&gt;</c>,
/// which the next run renames back to OUT before it starts. Every other leftover (<c>OUT.tmp-*</c> of a failed or
/// killed run, <c>OUT.old-*</c> after a crash before the deletion) is removed by the next run. Two runs writing the
/// same OUT at once are not supported.
/// </remarks>
internal sealed partial class OutputFolder
{
    private static readonly string[] OutputNames = ["datasets", "reports", "manifest.json"];

    private readonly string _parent;
    private readonly string _name;

    private OutputFolder(string target, string parent, string name, string staging)
    {
        Target = target;
        _parent = parent;
        _name = name;
        Staging = staging;
    }

    /// <summary>The output folder the run publishes to.</summary>
    public string Target { get; }

    /// <summary>The staging folder the run writes in.</summary>
    public string Staging { get; }

    /// <summary>Cleans up after an earlier run, checks that <paramref name="target"/> can take a run's outputs, and creates the staging folder.</summary>
    /// <exception cref="IOException">When the target is a file, or a folder that holds files other than a run's outputs, or a folder cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">When the parent folder cannot be written.</exception>
    public static OutputFolder Prepare(string target)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        if (File.Exists(full)) throw new IOException($"'{full}' is a file; --out is a folder (created when it does not exist).");
        var parent = Path.GetDirectoryName(full) ?? throw new IOException($"'{full}' is a root folder; give a folder inside it for the outputs.");
        var name = Path.GetFileName(full);
        Directory.CreateDirectory(parent);
        Recover(full, parent, name);
        if (Directory.Exists(full))
        {
            var foreign = Directory.EnumerateFileSystemEntries(full).Select(Path.GetFileName).Where(n => !OutputNames.Contains(n)).Take(3).ToList();
            if (foreign.Count > 0)
                throw new IOException($"'{full}' holds files that are not a run's outputs ({string.Join(", ", foreign.Select(f => $"'{f}'"))}); " +
                                      "a run replaces the whole folder, so give an empty or new folder with --out.");
        }
        var staging = Path.Combine(parent, $"{name}.tmp-{NewId()}");
        Directory.CreateDirectory(staging);
        return new OutputFolder(full, parent, name, staging);
    }

    /// <summary>Replaces the target with the staging folder.</summary>
    public void Publish()
    {
        string? aside = null;
        if (Directory.Exists(Target))
        {
            aside = Path.Combine(_parent, $"{_name}.old-{NewId()}");
            Directory.Move(Target, aside);
        }
        try
        {
            Directory.Move(Staging, Target);
        }
        catch
        {
            if (aside is not null) Directory.Move(aside, Target);
            throw;
        }
        if (aside is not null) Directory.Delete(aside, recursive: true);
    }

    /// <summary>Deletes the staging folder of a run that did not succeed; the target is left as it was.</summary>
    public void Discard()
    {
        if (Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true);
    }

    /// <summary>Puts back the outputs a crash between the two renames left aside, and removes what earlier runs left behind.</summary>
    private static void Recover(string target, string parent, string name)
    {
        var leftovers = Directory.EnumerateDirectories(parent, name + ".*")
            .Select(d => (Path: d, Match: Leftover().Match(Path.GetFileName(d)[name.Length..])))
            .Where(x => x.Match.Success)
            .ToList();
        var old = leftovers.Where(x => x.Match.Groups[1].Value == "old").OrderByDescending(x => Directory.GetLastWriteTimeUtc(x.Path)).Select(x => x.Path).FirstOrDefault();
        if (!Directory.Exists(target) && old is not null)
        {
            Directory.Move(old, target);
            leftovers.RemoveAll(x => x.Path == old);
        }
        foreach (var (path, _) in leftovers) Directory.Delete(path, recursive: true);
    }

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    [GeneratedRegex("^\\.(tmp|old)-[0-9a-f]{12}$")]
    private static partial Regex Leftover();
}
