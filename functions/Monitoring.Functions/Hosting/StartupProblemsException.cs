namespace Monitoring.Functions.Hosting;

/// <summary>
/// The app cannot start because of its settings or its study definition (a user's mistake, not a bug):
/// the message lists every problem and which settings files were read. Program prints it and exits 1.
/// </summary>
public sealed class StartupProblemsException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public StartupProblemsException()
    {
    }

    /// <summary>Creates the exception with its message: every problem, one a line.</summary>
    public StartupProblemsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public StartupProblemsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
