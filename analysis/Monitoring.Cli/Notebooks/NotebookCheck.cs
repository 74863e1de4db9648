using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Monitoring.Cli.Notebooks;

/// <summary>
/// Proves that a notebook runs without a notebook kernel: converts it with <see cref="NotebookConverter"/>,
/// runs the file-based app with <c>dotnet run --file</c> (one process per notebook: restore, build, run) over
/// a datasets folder, and names the cell that failed.
/// </summary>
internal static class NotebookCheck
{
    /// <summary>Checks every <c>*.ipynb</c> in <paramref name="notebooksDirectory"/>, in name order, one after the other.</summary>
    public static async Task<IReadOnlyList<NotebookCheckResult>> RunAllAsync(
        string notebooksDirectory, NotebookCheckOptions options, Action<NotebookCheckResult>? onResult = null, CancellationToken cancellationToken = default)
    {
        var results = new List<NotebookCheckResult>();
        foreach (var path in Directory.GetFiles(notebooksDirectory, "*.ipynb").Order(StringComparer.Ordinal))
        {
            var result = await RunAsync(path, options, cancellationToken).ConfigureAwait(false);
            onResult?.Invoke(result);
            results.Add(result);
        }
        return results;
    }

    /// <summary>Checks one notebook.</summary>
    public static async Task<NotebookCheckResult> RunAsync(string notebookPath, NotebookCheckOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var fullPath = Path.GetFullPath(notebookPath);
        var name = Path.GetFileName(fullPath);
        Notebook notebook;
        try
        {
            notebook = await Notebook.ReadAsync(fullPath, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return new NotebookCheckResult(name, false, clock.Elapsed, null, $"Not a readable notebook: {e.Message}", "");
        }

        var notebookDirectory = Path.GetDirectoryName(fullPath)!;
        var app = NotebookConverter.Convert(notebook, notebookDirectory);
        if (!app.IsComplete)
            return new NotebookCheckResult(name, false, clock.Elapsed, app.Problems[0].Cell, string.Join('\n', app.Problems), "");

        // One folder per notebook path: reruns hit the SDK's build cache, and checkouts side by side do not collide.
        var folder = Path.Combine(options.WorkDirectory, Hash(fullPath));
        Directory.CreateDirectory(folder);
        var program = Path.Combine(folder, Path.GetFileNameWithoutExtension(name) + ".cs");
        await File.WriteAllTextAsync(program, app.Source, cancellationToken).ConfigureAwait(false);

        var (exitCode, output, error, timedOut) = await RunProgramAsync(program, notebookDirectory, options, cancellationToken).ConfigureAwait(false);
        var all = output + error;
        if (timedOut)
            return new NotebookCheckResult(name, false, clock.Elapsed, LastCell(output), $"Timed out after {options.Timeout.TotalMinutes:0.#} minutes.", all);
        if (exitCode == 0)
            return new NotebookCheckResult(name, true, clock.Elapsed, null, "", all);

        var compilerErrors = CompilerErrors(notebook, all);
        if (compilerErrors.Count > 0)
            return new NotebookCheckResult(name, false, clock.Elapsed, compilerErrors[0].Cell, string.Join('\n', compilerErrors.Select(e => e.Text)), all);
        var otherErrors = all.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().ToList();
        if (LastCell(output) is not { } cell)
            return new NotebookCheckResult(name, false, clock.Elapsed, null,
                otherErrors.Count > 0 ? string.Join('\n', otherErrors) : Tail(all, 30), all);
        return new NotebookCheckResult(name, false, clock.Elapsed, cell, Tail(error.Length > 0 ? error : all, 30), all);
    }

    private static async Task<(int ExitCode, string Output, string Error, bool TimedOut)> RunProgramAsync(
        string program, string workingDirectory, NotebookCheckOptions options, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory, // as in Polyglot, where a notebook runs in its own folder
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "run", "--file", program, "-c", options.Configuration }) start.ArgumentList.Add(argument);
        // A parent `dotnet test` or `dotnet run` leaves MSBuild settings behind that would steer the child's build.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        start.Environment[NotebookCheckOptions.DatasetsVariable] = Path.GetFullPath(options.Datasets);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            timedOut = true;
        }
        return (timedOut ? -1 : process.ExitCode, Normalize(await output.ConfigureAwait(false)), Normalize(await error.ConfigureAwait(false)), timedOut);
    }

    private static List<(int Cell, string Text)> CompilerErrors(Notebook notebook, string output)
    {
        var pattern = new Regex(Regex.Escape(notebook.Name) + CompilerErrorTail, RegexOptions.Multiline);
        return pattern.Matches(output)
            .Select(m => (Cell: int.Parse(m.Groups["cell"].Value, CultureInfo.InvariantCulture),
                Text: $"cell {m.Groups["cell"].Value}, line {m.Groups["line"].Value}, column {m.Groups["column"].Value}: error {m.Groups["code"].Value}: {m.Groups["message"].Value.TrimEnd()}"))
            .Distinct()
            .ToList();
    }

    private const string CompilerErrorTail = @" cell (?<cell>\d+)\((?<line>\d+),(?<column>\d+)\): error (?<code>\w+): (?<message>.*?)(?: \[[^\]\n]*\])?\r?$";

    private static int? LastCell(string output)
    {
        int? cell = null;
        foreach (Match match in MarkerLine.Matches(output)) cell = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return cell;
    }

    private static string Tail(string text, int lines)
    {
        var all = text.TrimEnd().Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string Hash(string path) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path)))[..16];

    private static string DotnetHost()
    {
        if (Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet") return path;
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        return "dotnet";
    }

    private static readonly Regex MarkerLine = new("^" + Regex.Escape(PolyglotShim.MarkerPrefix) + @"(\d+)\r?$", RegexOptions.Multiline);
}
