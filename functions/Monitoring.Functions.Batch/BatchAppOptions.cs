using Monitoring.Storage.Blobs;

namespace Monitoring.Functions.Batch;

/// <summary>
/// The batch function app's part of section "Monitoring" (the same keys as the collection app's, docs/operations.md):
/// the study, the store and the schedule. It needs no linkage secret and no download keys.
/// </summary>
public sealed class BatchAppOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Monitoring";

    /// <summary>The study definition folder. Required.</summary>
    public string StudyPath { get; set; } = "";

    /// <summary>"blob" (the default in Azure) or "file".</summary>
    public string Store { get; set; } = "blob";

    /// <summary>The data folder of the file store. Default "data".</summary>
    public string DataPath { get; set; } = "data";

    /// <summary>The blob store's options, used when <see cref="Store"/> is "blob".</summary>
    public BlobStoreOptions Blob { get; set; } = new();

    /// <summary>Every problem with these options; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(StudyPath)) problems.Add("Monitoring:StudyPath is required: the study definition folder.");
        if (Store is not ("file" or "blob")) problems.Add($"Monitoring:Store is '{Store}'; use \"file\" or \"blob\".");
        if (Store == "file" && string.IsNullOrWhiteSpace(DataPath)) problems.Add("Monitoring:DataPath is required for the file store.");
        if (Store == "blob" && string.IsNullOrWhiteSpace(Blob.ConnectionString)) problems.Add("Monitoring:Blob:ConnectionString is required for the blob store.");
        return problems;
    }
}
