using System.CommandLine;
using Monitoring.Batch;
using Monitoring.Storage.Blobs;

namespace Monitoring.Cli.Commands;

/// <summary><c>monitoring run</c>: the batch over the sample study or a given one.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var study = StudyOption.Create();
        var responses = new Option<string>("--responses", "-r")
        {
            Description = "A raw response CSV file, or a folder of stored submissions. Default: data-samples/responses.csv.",
            DefaultValueFactory = _ => Defaults.SampleResponses,
        };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "The output folder. Default: ./out.", DefaultValueFactory = _ => new DirectoryInfo("out") };
        var language = new Option<string>("--language", "-l") { Description = "The reports' language: nl (default) or en.", DefaultValueFactory = _ => "nl" };
        language.AcceptOnlyFromAmong("nl", "en");
        var profilesK = new Option<int?>("--profiles-k") { Description = "Force the number of school profiles (2 or more); by default it is chosen by the BIC of a Gaussian mixture, and none are reported when one group fits best." };
        var store = new Option<string?>("--store")
        {
            Description = "Read the collection app's stored submissions instead of --responses: its data folder (file store), " +
                          "or an Azure Storage connection string (blob store, container 'submissions'; 'UseDevelopmentStorage=true' for Azurite).",
        };
        var blobVersion = new Option<string?>("--blob-service-version") { Description = "Pin the blob service version, e.g. 2025-01-05 (Azurite 3.37 rejects the SDK's default)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing but errors." };
        var command = new Command("run", "Run the batch: clean, score, reliability and measurement invariance, aggregates, change, ICC, school profiles; write the datasets (CSV and Parquet), the reports and the manifest.")
        {
            study, responses, store, blobVersion, output, language, profilesK, quiet,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(profilesK) is < 2) result.AddError("--profiles-k must be 2 or more.");
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new BatchOptions
            {
                StudyDirectory = parse.GetValue(study)!.FullName,
                Responses = parse.GetValue(responses)!,
                OutputDirectory = parse.GetValue(output)!.FullName,
                Language = parse.GetValue(language)!,
                ProfilesK = parse.GetValue(profilesK),
            };
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            if (parse.GetValue(store) is { } where)
            {
                if (where.Contains("AccountName=", StringComparison.OrdinalIgnoreCase) || where.Contains("UseDevelopmentStorage", StringComparison.OrdinalIgnoreCase))
                {
                    var (blobs, problem) = await ConnectAsync(where, parse.GetValue(blobVersion), cancellationToken).ConfigureAwait(false);
                    if (blobs is null)
                    {
                        await stderr.WriteLineAsync(problem).ConfigureAwait(false);
                        return ExitCodes.UnreadableInput;
                    }
                    options = options with { Store = blobs, StoreDescription = "Azure Blob store" };
                }
                else if (!Directory.Exists(where))
                {
                    await stderr.WriteLineAsync($"No store at '{Path.GetFullPath(where)}': the folder does not exist. Give --store the collection app's data folder " +
                                                "(its Storage:DataPath, which holds submissions/), or an Azure Storage connection string.").ConfigureAwait(false);
                    return ExitCodes.UnreadableInput;
                }
                else options = options with { Responses = where };
            }
            if (options.Store is null && !File.Exists(options.Responses) && !Directory.Exists(options.Responses))
            {
                await stderr.WriteLineAsync($"No responses at '{Path.GetFullPath(options.Responses)}': give a raw response CSV or a folder of stored submissions with --responses.").ConfigureAwait(false);
                return ExitCodes.UnreadableInput;
            }
            var quietly = parse.GetValue(quiet);
            var result = await BatchJob.RunAsync(options, quietly ? null : stdout, cancellationToken).ConfigureAwait(false);
            switch (result.Failure)
            {
                case BatchFailure.Definition:
                    await ValidateCommand.ReportProblemsAsync(stderr, options.StudyDirectory, result.Definition).ConfigureAwait(false);
                    return ExitCodes.InvalidDefinition;
                case BatchFailure.Input:
                    await ReportInputProblemsAsync(stderr, result, options.OutputDirectory).ConfigureAwait(false);
                    return ExitCodes.UnreadableInput;
                case BatchFailure.Output:
                    await stderr.WriteLineAsync($"Cannot write the outputs to '{options.OutputDirectory}': {result.OutputProblem}").ConfigureAwait(false);
                    return ExitCodes.UnwritableOutput;
            }
            if (!quietly)
            {
                var datasets = result.Files.Count(f => f.StartsWith("datasets/", StringComparison.Ordinal));
                var reports = result.Files.Count(f => f.StartsWith("reports/", StringComparison.Ordinal));
                await stdout.WriteLineAsync($"Wrote {result.Files.Count} files to {options.OutputDirectory}: {datasets} in datasets/, {reports} in reports/ " +
                                            $"(open {Path.Combine(options.OutputDirectory, "reports", "index.html")}), and manifest.json.").ConfigureAwait(false);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>What to fix in an input that cannot be read: each problem with its file, row and column; the previous outputs are untouched.</summary>
    private static async Task ReportInputProblemsAsync(TextWriter error, BatchRunResult result, string output)
    {
        var source = result.InputSource ?? "the input";
        var name = File.Exists(source) ? Path.GetFileName(source) : source;
        await error.WriteLineAsync($"Cannot read the responses in '{source}'; nothing was analysed or written ('{output}' is as it was). Fix this and run again:").ConfigureAwait(false);
        foreach (var problem in result.InputProblems)
            await error.WriteLineAsync(problem.Row == 0 ? $"  {name}: {problem.Reason}" : $"  {name}: {problem}").ConfigureAwait(false);
        if (result.InputProblemCount > result.InputProblems.Count)
            await error.WriteLineAsync($"  … and {result.InputProblemCount - result.InputProblems.Count:N0} more problem(s) of the same kind.").ConfigureAwait(false);
    }

    /// <summary>The blob store, or why it cannot be used: a connection string that does not parse, or a store that does not answer.</summary>
    private static async Task<(BlobSubmissionStore? Store, string? Problem)> ConnectAsync(string connectionString, string? serviceVersion, CancellationToken cancellationToken)
    {
        try
        {
            return (await BlobSubmissionStore.CreateAsync(new BlobStoreOptions { ConnectionString = connectionString, ServiceVersion = serviceVersion ?? "" }, cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            return (null, $"The --store connection string does not parse: {e.Message} Give a connection string as the Azure portal shows it " +
                          "(DefaultEndpointsProtocol=…;AccountName=…;AccountKey=…;EndpointSuffix=…), or 'UseDevelopmentStorage=true' for Azurite.");
        }
        catch (Exception e) when (e is Azure.RequestFailedException or AggregateException or HttpRequestException)
        {
            return (null, $"Cannot reach the blob store of the --store connection string: {e.Message.Split('\n')[0]}");
        }
    }
}
