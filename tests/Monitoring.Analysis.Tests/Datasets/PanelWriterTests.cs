using Monitoring.Analysis.Datasets;
using Monitoring.Tests.Shared;

namespace Monitoring.Analysis.Tests.Datasets;

/// <summary>panel_wide.csv (docs/formats.md, "Outputs"; docs/methods.md): one row per linkage code, scale columns per wave.</summary>
public class PanelWriterTests
{
    [Fact]
    public async Task ALinkedRespondentHasOneRowWithAScoreColumnPerScaleAndWave()
    {
        var outcome = await TestResponses.AnalyseAsync(
            ResponseRow.Valid("oostende-bs-01", "T0").Linkage("code-b").Welbevinden(1),
            ResponseRow.Valid("oostende-bs-01", "T2").Linkage("code-b").Welbevinden(4).Set("role", "leader"),
            ResponseRow.Valid("bredene-bs-01", "T1").Linkage("code-a").Welbevinden(2),
            ResponseRow.Valid("bredene-bs-01", "T1"));
        using var folder = new TemporaryDirectory();
        DatasetWriter.Write(folder.Path, outcome, "hash", new StepTimings());

        var panel = CsvTable.Read(folder.File("panel_wide.csv"));

        Assert.Equal(new[] { "linkage_code", "school", "network", "trajectory", "role", "waves", "welbevinden_T0", "welbevinden_T1", "welbevinden_T2" }, panel.Header.Take(9));
        Assert.Equal(6 + (10 * 3), panel.Header.Length);
        Assert.Equal(new[] { "code-a", "code-b" }, panel.Rows.Select(r => r[0])); // ordered by code; the unlinked response has no row
        var b = panel.Single(("linkage_code", "code-b"));
        Assert.Equal("T0 T2", b["waves"]);
        Assert.Equal("leader", b["role"]); // of the latest wave
        Assert.Equal("1", b["welbevinden_T0"]);
        Assert.Equal("", b["welbevinden_T1"]);
        Assert.Equal("4", b["welbevinden_T2"]);
        Assert.Equal("kust-en-polder", b["network"]);
    }

    [Fact]
    public async Task ALinkageCodeThatOccursTwiceInOneWaveIsLeftOut()
    {
        // Two schools, one wave: not a duplicate for cleaning, but the panel cannot tell the two apart.
        var outcome = await TestResponses.AnalyseAsync(
            ResponseRow.Valid("oostende-bs-01", "T0").Linkage("twice"),
            ResponseRow.Valid("bredene-bs-01", "T0").Linkage("twice"),
            ResponseRow.Valid("bredene-bs-01", "T0").Linkage("once"));
        using var folder = new TemporaryDirectory();
        DatasetWriter.Write(folder.Path, outcome, "hash", new StepTimings());

        var panel = CsvTable.Read(folder.File("panel_wide.csv"));

        Assert.Equal(3, outcome.Scored.Count); // all three kept by cleaning
        Assert.Equal(new[] { "once" }, panel.Rows.Select(r => r[0]));
    }

    [Fact]
    public async Task CodesAreOrderedOrdinallyWhateverTheirLengthAndCharacters()
    {
        string[] ascii = ["code-b", "code-a", "Code", "code-aa", "code-a1", "c", new string('x', 32), new string('x', 31) + "y"];
        var outcome = await TestResponses.AnalyseAsync([.. ascii.Select(code => ResponseRow.Valid("oostende-bs-01", "T0").Linkage(code))]);
        using var folder = new TemporaryDirectory();
        DatasetWriter.Write(folder.Path, outcome, "hash", new StepTimings());

        Assert.Equal(ascii.Order(StringComparer.Ordinal), CsvTable.Read(folder.File("panel_wide.csv")).Rows.Select(r => r[0]));
    }

    [Fact]
    public async Task CodesThatCannotBePackedAreOrderedOrdinallyToo()
    {
        // Non-ASCII and longer than 32 characters: the panel ranks the codes by a string sort instead.
        string[] codes = ["zoë", "zoe", "Zoë", new string('a', 40), new string('a', 33), "a", "é"];
        var outcome = await TestResponses.AnalyseAsync(
        [
            .. codes.Select(code => ResponseRow.Valid("oostende-bs-01", "T0").Linkage(code)),
            ResponseRow.Valid("oostende-bs-01", "T1").Linkage("zoë").Welbevinden(3),
            ResponseRow.Valid("bredene-bs-01", "T1").Linkage("a"),
            ResponseRow.Valid("oostende-bs-01", "T1").Linkage("a"),
        ]);
        using var folder = new TemporaryDirectory();
        DatasetWriter.Write(folder.Path, outcome, "hash", new StepTimings());

        var panel = CsvTable.Read(folder.File("panel_wide.csv"));

        Assert.Equal(codes.Where(c => c != "a").Order(StringComparer.Ordinal), panel.Rows.Select(r => r[0])); // "a" is twice in T1
        var zoe = panel.Single(("linkage_code", "zoë"));
        Assert.Equal("T0 T1", zoe["waves"]);
        Assert.Equal("3", zoe["welbevinden_T1"]);
    }
}
