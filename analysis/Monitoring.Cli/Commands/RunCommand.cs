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
        var command = new Command("run", "Run the batch: clean, score, reliability, aggregates, change, ICC, school profiles; write the datasets, the reports and the manifest.")
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
                    var blobs = await BlobSubmissionStore.CreateAsync(new BlobStoreOptions { ConnectionString = where, ServiceVersion = parse.GetValue(blobVersion) ?? "" }, cancellationToken).ConfigureAwait(false);
                    options = options with { Store = blobs, StoreDescription = "Azure Blob store" };
                }
                else options = options with { Responses = where };
            }
            if (options.Store is null && !File.Exists(options.Responses) && !Directory.Exists(options.Responses))
            {
                await stderr.WriteLineAsync($"No responses at '{Path.GetFullPath(options.Responses)}': give a raw response CSV or a folder of stored submissions with --responses.").ConfigureAwait(false);
                return 2;
            }
            var result = await BatchJob.RunAsync(options, parse.GetValue(quiet) ? null : stdout, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                await ValidateCommand.ReportProblemsAsync(stderr, options.StudyDirectory, result.Definition).ConfigureAwait(false);
                return 1;
            }
            if (!parse.GetValue(quiet))
            {
                var datasets = result.Files.Count(f => f.StartsWith("datasets/", StringComparison.Ordinal));
                var reports = result.Files.Count(f => f.StartsWith("reports/", StringComparison.Ordinal));
                await stdout.WriteLineAsync($"Wrote {result.Files.Count} files to {options.OutputDirectory}: {datasets} in datasets/, {reports} in reports/ " +
                                            $"(open {Path.Combine(options.OutputDirectory, "reports", "index.html")}), and manifest.json.").ConfigureAwait(false);
            }
            return 0;
        });
        return command;
    }
}
