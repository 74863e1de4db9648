namespace Monitoring.Cli.Notebooks;

/// <summary>The outcome of running one notebook with <see cref="NotebookCheck"/>.</summary>
/// <param name="Notebook">The notebook's file name.</param>
/// <param name="Succeeded">Whether every cell ran without error.</param>
/// <param name="Elapsed">Conversion, restore, build and run together.</param>
/// <param name="Cell">The cell that failed, when known (a conversion problem, a compiler error or a runtime exception in a cell).</param>
/// <param name="Error">What failed: conversion problems, compiler errors or the unhandled exception; empty on success.</param>
/// <param name="Output">Everything the program and the build printed, stdout and stderr interleaved.</param>
internal sealed record NotebookCheckResult(string Notebook, bool Succeeded, TimeSpan Elapsed, int? Cell, string Error, string Output);
