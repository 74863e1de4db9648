namespace Monitoring.Core.Submissions;

/// <summary>What happened to a submission handed to a store.</summary>
public enum StoreOutcome
{
    /// <summary>It was stored durably now.</summary>
    Stored,

    /// <summary>A submission with the same id was already stored; nothing was written.</summary>
    AlreadyStored,
}
