namespace Monitoring.Cli.Notebooks;

/// <summary>
/// A notebook converted by <see cref="NotebookConverter"/>: the text of a .NET 10 file-based app
/// (<c>dotnet run app.cs</c>), or the problems that prevent one.
/// </summary>
/// <param name="Source">The program; incomplete when there are <paramref name="Problems"/>.</param>
/// <param name="Problems">Lines that have no file-based equivalent; empty when the program is complete.</param>
internal sealed record FileBasedApp(string Source, IReadOnlyList<NotebookProblem> Problems)
{
    public bool IsComplete => Problems.Count == 0;
}
