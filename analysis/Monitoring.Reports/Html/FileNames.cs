using System.Text.RegularExpressions;
using Monitoring.Core.Studies;

namespace Monitoring.Reports.Html;

/// <summary>
/// The report files' names: <c>{network-id}.html</c>, <c>trajectory-{id}.html</c>, <c>study.html</c> and
/// <c>index.html</c>. Characters outside letters, digits, '.', '_' and '-' become '_'; a network whose id
/// would take a fixed name gets the prefix "network-".
/// </summary>
internal static partial class FileNames
{
    public const string Index = "index.html";
    public const string Study = "study.html";

    public static string Trajectory(TrajectoryId id) => $"trajectory-{Safe(id.Value)}.html";

    public static string Network(NetworkId id)
    {
        var name = Safe(id.Value);
        return name is "index" or "study" || name.StartsWith("trajectory-", StringComparison.Ordinal) || name.StartsWith("network-", StringComparison.Ordinal)
            ? $"network-{name}.html"
            : $"{name}.html";
    }

    private static string Safe(string id) => Unsafe().Replace(id, "_");

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex Unsafe();
}
