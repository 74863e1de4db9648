using System.Text;
using Monitoring.Analysis.Responses;
using Monitoring.Core.Studies;
using Monitoring.Tests.Shared;

namespace Monitoring.Analysis.Tests;

/// <summary>Reads <see cref="ResponseRow"/>s through the real reader, as the batch does.</summary>
internal static class TestResponses
{
    /// <summary>The rows read against <paramref name="study"/>; they must all be readable.</summary>
    public static async Task<RawResponses> ReadAsync(Study study, params ResponseRow[] rows)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(ResponseRow.Csv(rows)));
        var raw = await new RawResponseReader(study).ReadAsync(stream, "test.csv");
        Assert.Empty(raw.Problems);
        Assert.Equal(rows.Length, raw.Table.Count);
        return raw;
    }

    /// <summary>The rows read against the sample study.</summary>
    public static async Task<RawResponses> ReadAsync(params ResponseRow[] rows) => await ReadAsync(await TestStudy.SampleAsync(), rows);

    /// <summary>Every analysis step over <paramref name="rows"/>.</summary>
    public static async Task<AnalysisOutcome> AnalyseAsync(Study study, params ResponseRow[] rows) =>
        AnalysisPipeline.Run(await ReadAsync(study, rows), new StepTimings());

    /// <summary>Every analysis step over <paramref name="rows"/> against the sample study.</summary>
    public static async Task<AnalysisOutcome> AnalyseAsync(params ResponseRow[] rows) => await AnalyseAsync(await TestStudy.SampleAsync(), rows);
}
