namespace Monitoring.Functions.Hosting;

/// <summary>One download key, configured as the SHA-256 of the key, never the key itself.</summary>
public sealed class AccessKeyOptions
{
    /// <summary>Who holds it, for the operator (e.g. "follow-up team"); never shown to clients.</summary>
    public string Name { get; set; } = "";

    /// <summary>"researcher" (datasets and every report) or "coordinator" (one network's report).</summary>
    public string Role { get; set; } = "";

    /// <summary>For a coordinator: the network whose report the key opens.</summary>
    public string Network { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the key's UTF-8 bytes (`printf %s "$KEY" | sha256sum`).</summary>
    public string Sha256 { get; set; } = "";

    internal IEnumerable<string> Problems(string path)
    {
        if (Role is not ("researcher" or "coordinator")) yield return $"{path}:Role is '{Role}'; use \"researcher\" or \"coordinator\".";
        if (Role == "coordinator" && string.IsNullOrWhiteSpace(Network)) yield return $"{path}:Network is required for a coordinator key.";
        if (Sha256.Length != 64 || !Sha256.All(Uri.IsHexDigit)) yield return $"{path}:Sha256 must be 64 hex digits (the SHA-256 of the key).";
    }
}
