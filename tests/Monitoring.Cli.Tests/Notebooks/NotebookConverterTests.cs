using Monitoring.Cli.Notebooks;

namespace Monitoring.Cli.Tests.Notebooks;

public sealed class NotebookConverterTests
{
    private static string Fixtures => Path.Combine(AppContext.BaseDirectory, "fixtures", "notebooks");

    // Relative #r paths resolve against the real notebooks folder, so the fixture's project references exist.
    private static string NotebooksFolder => Path.Combine(MonitoringProcess.Root, "notebooks");

    [Fact]
    public async Task TheFixtureNotebookBecomesTheReviewedFileBasedApp()
    {
        var notebook = await Notebook.ReadAsync(Path.Combine(Fixtures, "converter", "sample.ipynb"));

        var app = NotebookConverter.Convert(notebook, NotebooksFolder);

        Assert.Empty(app.Problems);
        var expected = (await File.ReadAllTextAsync(Path.Combine(Fixtures, "converter", "sample.expected.txt")))
            .Replace("{root}", MonitoringProcess.Root.Replace('\\', '/'), StringComparison.Ordinal);
        var actual = app.Source.Replace('\\', '/');
        if (actual != expected)
            await File.WriteAllTextAsync(Path.Combine(Fixtures, "converter", "sample.actual.txt"), actual);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void SourceGivenAsOneStringOrAsLinesReadsTheSame()
    {
        var asLines = Notebook.Parse("a.ipynb", """{ "cells": [ { "cell_type": "code", "metadata": {}, "source": ["var x = 1;\n", "display(x);"] } ] }""");
        var asString = Notebook.Parse("a.ipynb", """{ "cells": [ { "cell_type": "code", "metadata": {}, "source": "var x = 1;\r\ndisplay(x);" } ] }""");

        Assert.Equal("var x = 1;\ndisplay(x);", asLines.Cells[0].Source);
        Assert.Equal(asLines.Cells[0], asString.Cells[0]);
        Assert.Equal(Notebook.CSharp, asLines.Cells[0].Kernel);
    }

    [Fact]
    public void AFileWithoutCellsIsNoNotebook()
    {
        Assert.Throws<System.Text.Json.JsonException>(() => Notebook.Parse("x.ipynb", """{ "nbformat": 4 }"""));
    }

    [Fact]
    public void LinesWithoutAFileBasedEquivalentAreProblemsNamingCellAndLine()
    {
        var notebook = new Notebook("p.ipynb",
        [
            new NotebookCell(1, IsCode: false, "", "# Title"),
            new NotebookCell(2, IsCode: true, "csharp", "#r \"nuget: Deedle\"\n#r \"/usr/lib/some.dll\"\n#i \"nuget: https://example.org/feed\""),
            new NotebookCell(3, IsCode: true, "fsharp", "let x = 1"),
            new NotebookCell(4, IsCode: true, "csharp", "#!set --name x --value 1\ndisplay(1);"),
        ]);

        var app = NotebookConverter.Convert(notebook, NotebooksFolder);

        Assert.False(app.IsComplete);
        Assert.Collection(app.Problems,
            p => Assert.Equal((2, 1, "Pin the package's version"), (p.Cell, p.Line, p.Message[..25])),
            p => Assert.Equal((2, 2, "'/usr/lib/some.dll' is not a project's build output"), (p.Cell, p.Line, p.Message[..51])),
            p => Assert.Equal((2, 3), (p.Cell, p.Line)),
            p => Assert.Equal((3, 1, "The cell runs in the 'fsharp' kernel: the check runs C# cells only."), (p.Cell, p.Line, p.Message)),
            p => Assert.Equal((4, 1, "'#!set' has no file-based equivalent"), (p.Cell, p.Line, p.Message[..36])));
    }

    [Fact]
    public void EveryCellIsMarkedAndMappedToItsOwnLines()
    {
        var notebook = new Notebook("m.ipynb",
        [
            new NotebookCell(1, IsCode: true, "csharp", "var a = 1;"),
            new NotebookCell(2, IsCode: false, "", "text"),
            new NotebookCell(3, IsCode: true, "csharp", "using System.IO;\nvar b = a + 1;"),
        ]);

        var source = NotebookConverter.Convert(notebook, NotebooksFolder).Source;

        Assert.Contains("PolyglotShim.Cell(1);\n#line 1 \"m.ipynb cell 1\"\nvar a = 1;\n#line default\n", source, StringComparison.Ordinal);
        Assert.Contains("PolyglotShim.Cell(3);\n#line 1 \"m.ipynb cell 3\"\n\nvar b = a + 1;\n#line default\n", source, StringComparison.Ordinal);
        Assert.Contains("#line 1 \"m.ipynb cell 3\"\nusing System.IO;\n#line default\n", source, StringComparison.Ordinal);
        Assert.DoesNotContain("Cell(2)", source, StringComparison.Ordinal);
    }
}
