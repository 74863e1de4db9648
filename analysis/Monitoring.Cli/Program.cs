using System.CommandLine;
using Monitoring.Cli.Commands;

var root = new RootCommand("monitoring: survey and analytics pipeline for the scientific follow-up of school networks.")
{
    ValidateCommand.Create(),
    GenerateCommand.Create(),
    RunCommand.Create(),
    InvitationsCommand.Create(),
    NotebooksCommand.Create(),
};
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
