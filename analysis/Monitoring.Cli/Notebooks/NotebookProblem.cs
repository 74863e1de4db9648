namespace Monitoring.Cli.Notebooks;

/// <summary>A line of a notebook that the check cannot turn into a file-based app.</summary>
/// <param name="Cell">The cell's number (<see cref="NotebookCell.Number"/>).</param>
/// <param name="Line">The line in the cell, from 1.</param>
/// <param name="Message">What is wrong and what to write instead.</param>
internal sealed record NotebookProblem(int Cell, int Line, string Message)
{
    public override string ToString() => $"cell {Cell}, line {Line}: {Message}";
}
