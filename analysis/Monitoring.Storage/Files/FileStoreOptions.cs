namespace Monitoring.Storage.Files;

/// <summary>Options of the file stores (the embedded default).</summary>
public sealed class FileStoreOptions
{
    /// <summary>
    /// The data folder. Submissions go under <c>{DataPath}/submissions/{study}/{wave}/{school}/{id}.json</c>,
    /// artifacts under <c>{DataPath}/artifacts/{name}</c>. Required.
    /// </summary>
    public string DataPath { get; set; } = "";

    /// <summary>
    /// Whether every write, contents and name, is flushed to the disk (a grouped syncfs on Linux, fsync elsewhere) before it is
    /// acknowledged. Default true; switch off only for throwaway data, since a power loss can then
    /// lose acknowledged submissions.
    /// </summary>
    public bool FlushToDisk { get; set; } = true;

    /// <summary>The submissions folder.</summary>
    public string SubmissionsPath => Path.Combine(DataPath, "submissions");

    /// <summary>The used access codes' folder: <c>{DataPath}/used-codes/{study}/{wave}/{code hash}</c>.</summary>
    public string UsedCodesPath => Path.Combine(DataPath, "used-codes");

    /// <summary>The artifacts folder.</summary>
    public string ArtifactsPath => Path.Combine(DataPath, "artifacts");
}
