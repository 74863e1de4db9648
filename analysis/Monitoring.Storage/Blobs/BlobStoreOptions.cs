using Azure.Storage.Blobs;

namespace Monitoring.Storage.Blobs;

/// <summary>Options of the Azure Blob stores.</summary>
public sealed class BlobStoreOptions
{
    /// <summary>The storage account's connection string (or "UseDevelopmentStorage=true" for Azurite). Required.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The container of submissions. Default "submissions".</summary>
    public string SubmissionsContainer { get; set; } = "submissions";

    /// <summary>The container of published artifacts (datasets, reports, invitations). Default "artifacts".</summary>
    public string ArtifactsContainer { get; set; } = "artifacts";

    /// <summary>The container of used access codes (closed-access waves): one empty blob per used code. Default "used-codes".</summary>
    public string UsedCodesContainer { get; set; } = "used-codes";

    /// <summary>
    /// The Blob service version the client speaks, e.g. "2025-11-05"; empty for the SDK's default.
    /// Pin it to what an emulator accepts (Azurite 3.37 rejects the 12.30 SDK's default unless it
    /// runs with --skipApiVersionCheck). Default empty.
    /// </summary>
    public string ServiceVersion { get; set; } = "";

    /// <summary>Creates a service client for these options.</summary>
    /// <exception cref="ArgumentException">When the connection string is empty or the service version unknown.</exception>
    public BlobServiceClient CreateServiceClient()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ConnectionString, nameof(ConnectionString));
        var clientOptions = string.IsNullOrWhiteSpace(ServiceVersion)
            ? new BlobClientOptions()
            : new BlobClientOptions(ParseVersion(ServiceVersion));
        clientOptions.Retry.MaxRetries = 3;
        // Per-request logging and tracing cost CPU on the hot path and would log blob names (which hold ids).
        clientOptions.Diagnostics.IsLoggingEnabled = false;
        clientOptions.Diagnostics.IsDistributedTracingEnabled = false;
        return new BlobServiceClient(ConnectionString, clientOptions);
    }

    private static BlobClientOptions.ServiceVersion ParseVersion(string version)
    {
        var name = "V" + version.Replace('-', '_');
        return Enum.TryParse<BlobClientOptions.ServiceVersion>(name, out var v)
            ? v
            : throw new ArgumentException($"Blob service version '{version}' is not known to this SDK; use e.g. " +
                $"{string.Join(", ", Enum.GetNames<BlobClientOptions.ServiceVersion>().TakeLast(3).Select(n => n[1..].Replace('_', '-')))}.", nameof(ServiceVersion));
    }
}
