namespace Monitoring.Cli.Notebooks;

/// <summary>One cell of a notebook.</summary>
/// <param name="Number">The cell's position in the notebook, from 1, counting markdown cells too (as a reader counts them in the editor).</param>
/// <param name="IsCode">Whether it is a code cell (else markdown or raw).</param>
/// <param name="Kernel">The Polyglot kernel a code cell runs in (<c>csharp</c>, <c>fsharp</c>, <c>pwsh</c>, …); empty for other cells.</param>
/// <param name="Source">The cell's text, lines joined with <c>\n</c>.</param>
internal sealed record NotebookCell(int Number, bool IsCode, string Kernel, string Source);
