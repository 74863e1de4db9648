using System.Text;
using Monitoring.Analysis.Responses;
using Monitoring.Core.Responses;
using Monitoring.Core.Studies;

namespace Monitoring.Analysis.Tests.Responses;

/// <summary><see cref="RawResponseReader"/> on files that cannot be read as a whole: <see cref="RawResponses.Fatal"/> says what to fix.</summary>
public sealed class RawResponseReaderHeaderTests
{
    private static string[] Columns(Study study) => [.. RawResponseColumns.Ordered, .. study.Items.Select(i => i.Id.Value)];

    /// <summary>A valid row (T0, gent-bs-01, every item answered 3).</summary>
    private static string Row(Study study, string id) => string.Join(",",
        new[] { id, "gent-bs-01", "T0", "teacher", "", "2021-10-05T09:00:00+02:00", "2021-10-05T09:13:22+02:00", "nl" }.Concat(study.Items.Select(_ => "3")));

    private static string Csv(Study study, IEnumerable<string> header, params string[] rows) =>
        string.Join("\n", rows.Prepend(string.Join(",", header))) + "\n";

    private static Task<RawResponses> ReadAsync(Study study, string csv) => ReadAsync(study, Encoding.UTF8.GetBytes(csv));

    private static Task<RawResponses> ReadAsync(Study study, byte[] bytes) =>
        new RawResponseReader(study).ReadAsync(new MemoryStream(bytes), "responses.csv");

    [Fact]
    public async Task AFileThatReadsWellIsReadable()
    {
        var study = await SampleStudy.LoadAsync();

        var result = await ReadAsync(study, Csv(study, [.. Columns(study), "opmerking"], Row(study, "r-1") + ",remark", Row(study, "r-2") + ",x"));

        Assert.True(result.IsReadable);
        Assert.Empty(result.Fatal);
        Assert.Equal(2, result.Table.Count);
    }

    [Fact]
    public async Task ASemicolonSeparatedFileIsUnreadableAndSaysToSaveItWithCommas()
    {
        var study = await SampleStudy.LoadAsync();
        var csv = Csv(study, Columns(study), Row(study, "r-1")).Replace(',', ';');

        var result = await ReadAsync(study, csv);

        var problem = Assert.Single(result.Fatal);
        Assert.False(result.IsReadable);
        Assert.Equal(1, problem.Row);
        Assert.Contains("separated by ';'", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("','", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(0, result.Table.Count);
    }

    [Fact]
    public async Task ATabSeparatedFileIsUnreadableAndSaysSo()
    {
        var study = await SampleStudy.LoadAsync();

        var result = await ReadAsync(study, Csv(study, Columns(study), Row(study, "r-1")).Replace(',', '\t'));

        Assert.Contains("separated by tabs", Assert.Single(result.Fatal).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUpperCaseHeaderIsUnreadableAndEachColumnSaysWhatItShouldBe()
    {
        var study = await SampleStudy.LoadAsync();

        var result = await ReadAsync(study, Csv(study, Columns(study).Select(c => c.ToUpperInvariant()), Row(study, "r-1")));

        Assert.Equal(Columns(study).Length, result.Fatal.Count);
        var school = Assert.Single(result.Fatal, p => p.Column == "SCHOOL");
        Assert.Contains("Column 2 is named 'SCHOOL'; it should be 'school'", school.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Problems, p => p.Reason.Contains("is missing", StringComparison.Ordinal) || p.Reason.Contains("has no column", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnItemColumnInAnotherCaseIsUnreadableRatherThanReadAsMissingAnswers()
    {
        var study = await SampleStudy.LoadAsync();
        var header = Columns(study).Select(c => c == "wb_03" ? "Wb_03" : c == "wb_04" ? " wb_04" : c);

        var result = await ReadAsync(study, Csv(study, header, Row(study, "r-1")));

        Assert.Equal(["Wb_03", " wb_04"], result.Fatal.Select(p => p.Column));
        Assert.Contains("it should be 'wb_04'", result.Fatal[1].Reason, StringComparison.Ordinal);
        Assert.Equal(0, result.Table.Count);
    }

    [Fact]
    public async Task ARenamedRequiredColumnIsUnreadableAndPointsAtTheUnknownColumn()
    {
        var study = await SampleStudy.LoadAsync();
        var header = Columns(study).Select(c => c == "school" ? "schoolnaam" : c);

        var result = await ReadAsync(study, Csv(study, header, Row(study, "r-1")));

        var problem = Assert.Single(result.Fatal);
        Assert.Equal((1, "school"), (problem.Row, problem.Column));
        Assert.Contains("required column 'school' is missing", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("'schoolnaam'", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AByteOrderMarkIsAccepted()
    {
        var study = await SampleStudy.LoadAsync();
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv(study, Columns(study), Row(study, "r-1")))).ToArray();

        var result = await ReadAsync(study, bytes);

        Assert.True(result.IsReadable);
        Assert.Equal(1, result.Table.Count);
    }

    [Fact]
    public async Task AUtf16FileIsUnreadableAndSaysToSaveItAsUtf8()
    {
        var study = await SampleStudy.LoadAsync();
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Csv(study, Columns(study), Row(study, "r-1")).Replace(',', '\t'))).ToArray();

        var result = await ReadAsync(study, bytes);

        Assert.Contains("UTF-8", Assert.Single(result.Fatal).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyFileIsUnreadable()
    {
        var study = await SampleStudy.LoadAsync();

        var result = await ReadAsync(study, "");

        Assert.Contains("empty", Assert.Single(result.Fatal).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHeaderWithoutRowsIsUnreadable()
    {
        var study = await SampleStudy.LoadAsync();

        var result = await ReadAsync(study, Csv(study, Columns(study)));

        var problem = Assert.Single(result.Fatal);
        Assert.Equal(0, problem.Row);
        Assert.Contains("header but no rows", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileInWhichEveryRowHasAProblemIsUnreadableAndEachRowKeepsItsProblem()
    {
        var study = await SampleStudy.LoadAsync();
        var bad = Row(study, "r-1").Replace("gent-bs-01", "gent-bs-99", StringComparison.Ordinal);

        var result = await ReadAsync(study, Csv(study, Columns(study), bad, bad.Replace("r-1", "r-2", StringComparison.Ordinal)));

        Assert.Contains("None of the 2 row(s) can be read", Assert.Single(result.Fatal).Reason, StringComparison.Ordinal);
        Assert.Equal([2, 3], result.Problems.Select(p => p.Row));
    }

    [Fact]
    public async Task OneReadableRowAmongBadOnesKeepsTheFileReadable()
    {
        var study = await SampleStudy.LoadAsync();
        var bad = Row(study, "r-1").Replace("gent-bs-01", "gent-bs-99", StringComparison.Ordinal);

        var result = await ReadAsync(study, Csv(study, Columns(study), bad, Row(study, "r-2")));

        Assert.True(result.IsReadable);
        Assert.Equal(1, result.Table.Count);
    }
}
