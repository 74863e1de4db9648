using System.CommandLine;

namespace Monitoring.Cli.Commands;

/// <summary>The <c>--study DIR</c> option that most commands share.</summary>
internal static class StudyOption
{
    public static Option<DirectoryInfo> Create() => new("--study")
    {
        Description = "The study definition folder (study.json, organisation.json, instruments/). Default: data-samples/study.",
        DefaultValueFactory = _ => new DirectoryInfo(Defaults.StudyDirectory),
    };
}
