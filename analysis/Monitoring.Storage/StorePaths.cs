using Monitoring.Core.Studies;
using Monitoring.Core.Submissions;

namespace Monitoring.Storage;

/// <summary>
/// The names of stored submissions, shared by the file and blob stores: <c>{study}/{wave}/{school}/{id}.json</c>.
/// Ids are checked to be safe path segments, so no id can escape its folder.
/// </summary>
internal static class StorePaths
{
    public static string Folder(StudyId study, WaveId wave, SchoolId school) =>
        $"{Segment(study.Value, nameof(study))}/{Segment(wave.Value, nameof(wave))}/{Segment(school.Value, nameof(school))}";

    public static string Name(Submission s) =>
        $"{Folder(s.Study, s.Wave, s.School)}/{Segment(s.Id.Value, "id")}.json";

    /// <summary>Returns <paramref name="value"/> when it is a safe name segment (letters, digits, '-', '_', not starting with '.').</summary>
    /// <exception cref="ArgumentException">When it is not: a caller's bug, since ids are validated before they reach a store.</exception>
    public static string Segment(string value, string what)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 128 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ArgumentException($"'{value}' is not a valid {what} for a store name (letters, digits, '-' and '_' only).", what);
        return value;
    }

    /// <summary>Checks an artifact name: slash-separated safe segments, each possibly with dots but never '.' or '..'.</summary>
    public static string Artifact(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        foreach (var segment in name.Split('/'))
            if (segment.Length == 0 || segment.StartsWith('.') || !segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
                throw new ArgumentException($"'{name}' is not a valid artifact name (slash-separated segments of letters, digits, '-', '_', '.'; none starting with '.').", nameof(name));
        return name;
    }
}
