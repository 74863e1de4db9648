using System.CommandLine;
using System.Globalization;
using Monitoring.Cli.Notebooks;

namespace Monitoring.Cli.Commands;

/// <summary><c>monitoring notebooks check</c>: runs every researcher notebook as a .NET file-based app over a run's datasets.</summary>
internal static class NotebooksCommand
{
    public static Command Create()
    {
        var notebooks = new Option<string?>("--notebooks", "-n")
        {
            Description = "A notebooks folder (every *.ipynb in it) or one .ipynb file. Default: notebooks/ of this checkout.",
        };
        var datasets = new Option<DirectoryInfo?>("--datasets", "-d")
        {
            Description = "The datasets folder of a run (monitoring run writes out/datasets). Default: ../out/datasets beside the notebooks, as the notebooks themselves assume.",
        };
        var timeout = new Option<int>("--timeout") { Description = "Minutes one notebook may take, restore and build included. Default: 10.", DefaultValueFactory = _ => 10 };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print every notebook's output, not only a failure's." };
        var check = new Command("check", "Convert each notebook's C# cells into a file-based app (#:package, #:project) and run it with dotnet run; exit 1 naming the cell that failed.")
        {
            notebooks, datasets, timeout, verbose,
        };
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1) result.AddError("--timeout must be at least 1 minute.");
        });
        check.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var where = parse.GetValue(notebooks) ?? FindUp("notebooks");
            if (where is null || (!Directory.Exists(where) && !File.Exists(where)))
            {
                await stderr.WriteLineAsync($"No notebooks at '{where ?? "notebooks"}': give a folder or an .ipynb file with --notebooks.").ConfigureAwait(false);
                return 2;
            }
            var folder = Directory.Exists(where) ? where : Path.GetDirectoryName(Path.GetFullPath(where))!;
            var data = parse.GetValue(datasets)?.FullName ?? Path.GetFullPath(Path.Combine(folder, "..", "out", "datasets"));
            if (!File.Exists(Path.Combine(data, "responses.csv")))
            {
                await stderr.WriteLineAsync($"No datasets at '{data}': run `monitoring run` first, or give its datasets folder with --datasets.").ConfigureAwait(false);
                return 2;
            }
            var options = new NotebookCheckOptions { Datasets = data, Timeout = TimeSpan.FromMinutes(parse.GetValue(timeout)) };
            var show = parse.GetValue(verbose);
            void Report(NotebookCheckResult result)
            {
                var seconds = result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
                if (show) stdout.Write(result.Output);
                if (result.Succeeded)
                {
                    stdout.WriteLine($"ok      {result.Notebook} ({seconds} s)");
                    return;
                }
                stdout.WriteLine($"FAILED  {result.Notebook} ({seconds} s){(result.Cell is { } cell ? $": cell {cell}" : "")}");
                foreach (var line in result.Error.Split('\n')) stdout.WriteLine($"        {line}");
            }

            IReadOnlyList<NotebookCheckResult> results = Directory.Exists(where)
                ? await NotebookCheck.RunAllAsync(where, options, Report, cancellationToken).ConfigureAwait(false)
                : [await NotebookCheck.RunAsync(where, options, cancellationToken).ConfigureAwait(false)];
            if (!Directory.Exists(where)) Report(results[0]);
            if (results.Count == 0)
            {
                await stderr.WriteLineAsync($"No .ipynb files in '{where}'.").ConfigureAwait(false);
                return 2;
            }
            var failed = results.Count(r => !r.Succeeded);
            await stdout.WriteLineAsync($"{results.Count - failed} of {results.Count} notebooks ran over {data}.").ConfigureAwait(false);
            return failed == 0 ? 0 : 1;
        });
        return new Command("notebooks", "The researcher notebooks in notebooks/.") { check };
    }

    private static string? FindUp(string name)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, name);
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
