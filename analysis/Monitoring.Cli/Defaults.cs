namespace Monitoring.Cli;

/// <summary>
/// Default locations: the sample study in <c>data-samples/</c>, found by walking up from the
/// current directory (so the commands work from anywhere inside a checkout), else relative paths.
/// </summary>
internal static class Defaults
{
    public static string DataSamples => FindUp("data-samples") ?? "data-samples";

    public static string StudyDirectory => Path.Combine(DataSamples, "study");

    public static string SampleResponses => Path.Combine(DataSamples, "responses.csv");

    private static string? FindUp(string name)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, name);
            if (Directory.Exists(candidate)) return Path.GetRelativePath(Directory.GetCurrentDirectory(), candidate);
        }
        return null;
    }
}
