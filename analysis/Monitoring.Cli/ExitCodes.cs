namespace Monitoring.Cli;

/// <summary>The exit codes of <c>monitoring</c> (README.md, docs/operations.md).</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>The study definition has problems, or the command line is wrong (System.CommandLine's own code for a parse error).</summary>
    public const int InvalidDefinition = 1;

    /// <summary>The input cannot be read: no responses file or store, or a file or store that cannot be read as a whole.</summary>
    public const int UnreadableInput = 2;

    /// <summary>
    /// The outputs cannot be written where asked: --out is a file, not writable, or holds other files; or another
    /// command's file cannot be read or written (the file system's message, without a stack trace).
    /// </summary>
    public const int UnwritableOutput = 3;

    /// <summary>A bug in monitoring: an unexpected exception, printed with its stack trace (BSD's EX_SOFTWARE).</summary>
    public const int Bug = 70;

    /// <summary>Cancelled with Ctrl+C (128 + SIGINT).</summary>
    public const int Cancelled = 130;
}
