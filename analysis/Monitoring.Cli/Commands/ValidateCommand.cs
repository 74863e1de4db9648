using System.CommandLine;
using Monitoring.Core.Definitions;
using Monitoring.Core.Studies;

namespace Monitoring.Cli.Commands;

/// <summary><c>monitoring validate</c>: checks a study definition and lists every problem.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var study = StudyOption.Create();
        var command = new Command("validate", "Check a study definition; exit 0 when valid, 1 with every problem listed (file, JSON path, message).") { study };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var result = await StudyDefinitionLoader.LoadAsync(parse.GetValue(study)!.FullName, cancellationToken).ConfigureAwait(false);
            var output = parse.InvocationConfiguration.Output;
            if (!result.IsValid)
            {
                await ReportProblemsAsync(parse.InvocationConfiguration.Error, parse.GetValue(study)!.FullName, result).ConfigureAwait(false);
                return 1;
            }
            await output.WriteLineAsync(Summary(result.Study, result.Hash)).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    /// <summary>How many of a cause's follow-on problems are shown under it.</summary>
    private const int ShownFollowOns = 5;

    /// <summary>Every problem, each cause first with the problems that follow from it indented under it and counted.</summary>
    public static async Task ReportProblemsAsync(TextWriter error, string directory, DefinitionResult result)
    {
        var groups = result.Groups;
        if (groups.Count == result.Problems.Count)
            await error.WriteLineAsync($"The study definition in '{directory}' has {result.Problems.Count} problem(s):").ConfigureAwait(false);
        else
            await error.WriteLineAsync($"The study definition in '{directory}' has {result.Problems.Count} problem(s) from {groups.Count} cause(s); " +
                                       "fix each cause first, the problems under it follow from it:").ConfigureAwait(false);
        foreach (var group in groups)
        {
            await error.WriteLineAsync($"  {group.Cause}").ConfigureAwait(false);
            if (group.FollowOns.Count == 0) continue;
            await error.WriteLineAsync($"      {group.FollowOns.Count} problem(s) follow from it:").ConfigureAwait(false);
            foreach (var followOn in group.FollowOns.Take(ShownFollowOns))
                await error.WriteLineAsync($"      {followOn}").ConfigureAwait(false);
            if (group.FollowOns.Count > ShownFollowOns)
                await error.WriteLineAsync($"      … and {group.FollowOns.Count - ShownFollowOns} more like these.").ConfigureAwait(false);
        }
    }

    public static string Summary(Study study, string? hash)
    {
        var lines = new List<string>
        {
            $"Study '{study.Id}': {study.Name.Nl}" + (study.Name.En is null ? "" : $" / {study.Name.En}"),
            $"  {study.Trajectories.Count} trajectories, {study.Networks.Count} networks, {study.Schools.Count} schools, {study.Roles.Count} roles",
            $"  waves: {string.Join(", ", study.Waves.Select(w => $"{w.Id} ({w.Opens:yyyy-MM-dd} – {w.Closes:yyyy-MM-dd})"))}",
        };
        foreach (var instrument in study.Instruments)
            lines.Add($"  instrument '{instrument.Id}' v{instrument.Version}: {instrument.Items.Count} items, scales {string.Join(", ", instrument.Scales.Select(s => s.Parent is null ? s.Id.Value : $"{s.Id} (in {s.Parent})"))}");
        lines.Add($"  privacy threshold {study.Analysis.PrivacyThreshold}; definition hash {hash}");
        lines.Add("Valid.");
        return string.Join(Environment.NewLine, lines);
    }
}
