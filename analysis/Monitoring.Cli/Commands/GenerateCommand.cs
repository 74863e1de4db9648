using System.CommandLine;
using System.Diagnostics;
using Monitoring.Analysis.Synthetic;
using Monitoring.Core.Definitions;

namespace Monitoring.Cli.Commands;

/// <summary><c>monitoring generate</c>: synthetic raw responses for demos, tests and benchmarks.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var study = StudyOption.Create();
        var responses = new Option<int>("--responses", "-n") { Description = "Exactly how many rows to write (duplicates and careless respondents included).", DefaultValueFactory = _ => 4000 };
        var seed = new Option<int>("--seed") { Description = "The seed; the same seed and study give the same bytes.", DefaultValueFactory = _ => 1 };
        var output = new Option<FileInfo>("--out", "-o") { Description = "The CSV file to write (raw response format). Next to it: FILE.planted-profiles.csv, FILE.planted-effects.csv, and FILE.study/ when the study had to be scaled up.", Required = true };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing but errors." };
        var noProfiles = new Option<bool>("--no-profiles") { Description = "Plant no school profiles (every school in planted profile 1, 'none'): data in which the batch should find no clear profiles." };
        var shiftItem = new Option<string?>("--non-invariant-item") { Description = "Plant non-invariance: this item's intercept shifts in the last wave (by --non-invariant-shift latent SDs), the rest of its scale's items do not." };
        var shift = new Option<double>("--non-invariant-shift") { Description = "The shift of --non-invariant-item in the last wave, in latent SDs.", DefaultValueFactory = _ => 1.0 };
        var command = new Command("generate", "Write synthetic raw responses with planted structure (school profiles, trajectory growth, careless respondents, duplicates).")
        {
            study, responses, seed, output, quiet, noProfiles, shiftItem, shift,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(responses) < 0) result.AddError("--responses must be 0 or more.");
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var directory = parse.GetValue(study)!.FullName;
            var definition = await StudyDefinitionLoader.LoadAsync(directory, cancellationToken).ConfigureAwait(false);
            if (!definition.IsValid)
            {
                await ValidateCommand.ReportProblemsAsync(parse.InvocationConfiguration.Error, directory, definition).ConfigureAwait(false);
                return 1;
            }
            var clock = Stopwatch.StartNew();
            var planted = parse.GetValue(shiftItem);
            if (planted is not null && !definition.Study!.Items.Any(i => i.Id.Value == planted))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"--non-invariant-item: '{planted}' is not an item of the study.").ConfigureAwait(false);
                return 1;
            }
            var options = new GeneratorOptions
            {
                Responses = parse.GetValue(responses),
                Seed = parse.GetValue(seed),
                PlantProfiles = !parse.GetValue(noProfiles),
                NonInvariantItem = planted,
                NonInvariantShift = parse.GetValue(shift),
            };
            var generator = ResponseGenerator.ForSize(definition.Study, options);
            var target = parse.GetValue(output)!;
            target.Directory?.Create();
            await using (var file = new FileStream(target.FullName, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                await generator.WriteAsync(file, cancellationToken).ConfigureAwait(false);
            var stem = Path.Combine(target.DirectoryName ?? ".", Path.GetFileNameWithoutExtension(target.Name));
            await using (var file = File.Create(stem + ".planted-profiles.csv"))
                await generator.WritePlantedProfilesAsync(file, cancellationToken).ConfigureAwait(false);
            await using (var file = File.Create(stem + ".planted-effects.csv"))
                await generator.WritePlantedEffectsAsync(file, cancellationToken).ConfigureAwait(false);

            var scaled = !ReferenceEquals(generator.Study, definition.Study);
            if (scaled)
                await WriteScaledStudyAsync(directory, definition, generator, stem + ".study", cancellationToken).ConfigureAwait(false);
            if (!parse.GetValue(quiet))
            {
                var o = parse.InvocationConfiguration.Output;
                await o.WriteLineAsync($"Wrote {options.Responses:N0} responses to {target.FullName} in {clock.Elapsed.TotalSeconds:F1} s (seed {options.Seed}).").ConfigureAwait(false);
                await o.WriteLineAsync($"Planted structure: {stem}.planted-profiles.csv, {stem}.planted-effects.csv").ConfigureAwait(false);
                if (scaled)
                    await o.WriteLineAsync($"The study was scaled up to {generator.Study.Networks.Count:N0} networks and {generator.Study.Schools.Count:N0} schools to hold them: {stem}.study/").ConfigureAwait(false);
            }
            return 0;
        });
        return command;
    }

    /// <summary>Copies the definition with a scaled organisation.json, so the responses can be read against it.</summary>
    private static async Task WriteScaledStudyAsync(string source, DefinitionResult definition, ResponseGenerator generator, string target, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(target);
        foreach (var file in definition.Files.Where(f => f != "organisation.json"))
        {
            var destination = Path.Combine(target, file);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(Path.Combine(source, file), destination, overwrite: true);
        }
        var organisation = definition.Files.Single(f => f.EndsWith("organisation.json", StringComparison.Ordinal) || f == definition.Files[^1]);
        await using var stream = File.Create(Path.Combine(target, organisation));
        await OrganisationWriter.WriteAsync(generator.Study, stream, cancellationToken).ConfigureAwait(false);
    }
}
