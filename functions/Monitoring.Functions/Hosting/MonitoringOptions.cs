using Monitoring.Storage.Blobs;

namespace Monitoring.Functions.Hosting;

/// <summary>The app's configuration, section "Monitoring" (docs/operations.md lists every option).</summary>
public sealed class MonitoringOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Monitoring";

    /// <summary>The study definition folder (study.json, organisation.json, instruments/). Required.</summary>
    public string StudyPath { get; set; } = "";

    /// <summary>"file" (default) or "blob".</summary>
    public string Store { get; set; } = "file";

    /// <summary>The data folder of the file store. Default "data" under the current directory.</summary>
    public string DataPath { get; set; } = "data";

    /// <summary>Whether the file store flushes every write to the disk before acknowledging it. Default true.</summary>
    public bool FlushToDisk { get; set; } = true;

    /// <summary>The blob store's options, used when <see cref="Store"/> is "blob".</summary>
    public BlobStoreOptions Blob { get; set; } = new();

    /// <summary>The study secret for linkage codes: base64 of at least 32 random bytes. Required; never change it during a study.</summary>
    public string LinkageSecret { get; set; } = "";

    /// <summary>
    /// The linkage secret of appsettings.Development.json. It is public (it is in the repository), so
    /// outside the Development environment the app refuses to start with it.
    /// </summary>
    public const string DevelopmentLinkageSecret = "REVWRUxPUE1FTlQtT05MWS1saW5rYWdlLXNlY3JldC1ub3QtZm9yLXJlYWwtZGF0YQ==";

    /// <summary>The largest accepted request body, in bytes; larger gets 413. Default 65536.</summary>
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>How often, at most, an unknown token makes the app reload the invitations. Default 30 s.</summary>
    public TimeSpan InvitationsRefresh { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// For demonstrations and load tests only: the clock starts at this instant and runs on in real
    /// time, so the past waves of the sample study are open. Empty (the default) uses the real clock.
    /// </summary>
    public string ClockStart { get; set; } = "";

    /// <summary>The rate limits of the collection endpoints.</summary>
    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>The download keys, stored as SHA-256 hashes.</summary>
    public List<AccessKeyOptions> Keys { get; set; } = [];

    /// <summary>The batch schedule.</summary>
    public BatchOptions Batch { get; set; } = new();

    /// <summary>Every problem with these options; empty when they are usable.</summary>
    /// <param name="isDevelopment">Whether the app runs in the Development environment, the only one where the development linkage secret is accepted.</param>
    public IReadOnlyList<string> Problems(bool isDevelopment = false)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(StudyPath)) problems.Add("Monitoring:StudyPath is required: the study definition folder.");
        if (Store is not ("file" or "blob")) problems.Add($"Monitoring:Store is '{Store}'; use \"file\" or \"blob\".");
        if (Store == "file" && string.IsNullOrWhiteSpace(DataPath)) problems.Add("Monitoring:DataPath is required for the file store.");
        if (Store == "blob" && string.IsNullOrWhiteSpace(Blob.ConnectionString)) problems.Add("Monitoring:Blob:ConnectionString is required for the blob store.");
        if (LinkageSecretBytes() is null)
            problems.Add("Monitoring:LinkageSecret must be base64 of at least 32 random bytes (e.g. `openssl rand -base64 32`).");
        else if (!isDevelopment && LinkageSecret.Trim() == DevelopmentLinkageSecret)
            problems.Add("Monitoring:LinkageSecret is the public development secret of appsettings.Development.json, which is accepted only in the Development environment; " +
                "set a secret of your own (`openssl rand -base64 32`, kept in Key Vault or the app settings, never in the repository).");
        if (MaxRequestBodyBytes < 1024) problems.Add("Monitoring:MaxRequestBodyBytes must be at least 1024.");
        if (ClockStart.Length > 0 && !DateTimeOffset.TryParse(ClockStart, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
            problems.Add($"Monitoring:ClockStart '{ClockStart}' is not an ISO 8601 instant with offset.");
        problems.AddRange(RateLimits.Problems());
        for (var i = 0; i < Keys.Count; i++) problems.AddRange(Keys[i].Problems($"Monitoring:Keys:{i}"));
        problems.AddRange(Batch.Problems());
        return problems;
    }

    /// <summary>The decoded linkage secret, or null when it is missing or too short.</summary>
    public byte[]? LinkageSecretBytes()
    {
        try
        {
            var bytes = Convert.FromBase64String(LinkageSecret);
            return bytes.Length >= Core.Submissions.LinkageKey.MinimumSecretBytes ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
