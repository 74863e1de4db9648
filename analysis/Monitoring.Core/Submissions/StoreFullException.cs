namespace Monitoring.Core.Submissions;

/// <summary>
/// A store has no space left (a full disk or quota). Nothing of the write that failed is stored, and the
/// store stays usable: the same write succeeds once space is freed, so a caller answers "try again later"
/// (the collection API: 507 with Retry-After) and never acknowledges the write.
/// </summary>
public sealed class StoreFullException : IOException
{
    /// <summary>Creates the exception.</summary>
    public StoreFullException()
    {
    }

    /// <summary>Creates the exception with a message that names the store's folder or container.</summary>
    public StoreFullException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the message and the platform's exception.</summary>
    public StoreFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
