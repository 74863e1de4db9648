using System.CommandLine;
using Monitoring.Cli;
using Monitoring.Cli.Commands;

var root = new RootCommand("monitoring: survey and analytics pipeline for the scientific follow-up of school networks.")
{
    ValidateCommand.Create(),
    GenerateCommand.Create(),
    RunCommand.Create(),
    InvitationsCommand.Create(),
    NotebooksCommand.Create(),
};
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
}
catch (OperationCanceledException)
{
    await Console.Error.WriteLineAsync("Cancelled; nothing was published (a run's previous outputs are as they were).").ConfigureAwait(false);
    return ExitCodes.Cancelled;
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    // A file a command reads or writes (generate's or invitations' --out, say) that the file system refuses: the user's to fix.
    await Console.Error.WriteLineAsync(e is UnauthorizedAccessException
        ? $"Permission denied: {e.Message} Check the path (is it a folder where a file is expected?) and its permissions."
        : $"Cannot read or write a file: {e.Message}").ConfigureAwait(false);
    return ExitCodes.UnwritableOutput;
}
catch (Exception e)
{
    // The commands turn every mistake in their input into a message and an exit code; what gets here is a bug.
    await Console.Error.WriteLineAsync($"monitoring stopped on an unexpected error. This is a bug in monitoring, not a mistake in what you gave it; " +
                                       $"please report it with the lines below (exit code {ExitCodes.Bug}).").ConfigureAwait(false);
    await Console.Error.WriteLineAsync(e.ToString()).ConfigureAwait(false);
    return ExitCodes.Bug;
}
