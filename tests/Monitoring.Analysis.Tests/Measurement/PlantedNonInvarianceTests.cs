using Monitoring.Analysis.Responses;
using Monitoring.Analysis.Synthetic;
using Monitoring.Core.Results;

namespace Monitoring.Analysis.Tests.Measurement;

/// <summary>
/// A generated study (60,000 rows) with one item whose intercept shifts in the last wave, against the same
/// study without the shift: the shift makes scalar invariance fail for that item's scale and changes no other
/// scale's decision; metric invariance still holds for it.
/// </summary>
/// <remarks>
/// Without any shift the generator's three-item subscale vitaliteit already fails at the metric step: its
/// configural model is saturated (df = 0, RMSEA 0 by construction), so the small loading differences the
/// generator's clamping at the answer bounds creates raise RMSEA by more than 0.015 (docs/methods.md).
/// </remarks>
public sealed class PlantedNonInvarianceTests
{
    private static async Task<AnalysisOutcome> RunAsync(GeneratorOptions options)
    {
        var generator = ResponseGenerator.ForSize(await SampleStudy.LoadAsync(), options);
        using var stream = new MemoryStream();
        await generator.WriteAsync(stream);
        stream.Position = 0;
        var raw = await new RawResponseReader(generator.Study).ReadAsync(stream, "generated");
        return AnalysisPipeline.Run(raw, new StepTimings());
    }

    private static string[] Rejected(AnalysisOutcome outcome) =>
        [.. outcome.Results.Invariance.Where(i => !i.ScalarHolds).Select(i => i.Scale.Value).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task An_item_whose_intercept_shifts_at_T2_makes_scalar_invariance_fail_for_its_scale_and_changes_no_other_decision()
    {
        var without = await RunAsync(new GeneratorOptions { Responses = 60_000, Seed = 11 });
        var planted = await RunAsync(new GeneratorOptions { Responses = 60_000, Seed = 11, NonInvariantItem = "wb_02", NonInvariantShift = 0.5 });

        Assert.Equal(10, planted.Results.Invariance.Count);
        Assert.Empty(Rejected(without));
        Assert.Equal(["welbevinden"], Rejected(planted));
        var welbevinden = planted.Results.Invariance.Single(i => i.Scale.Value == "welbevinden");
        Assert.True(welbevinden.Steps.Single(s => s.Level == InvarianceLevel.Metric).Holds);
        Assert.False(welbevinden.Steps.Single(s => s.Level == InvarianceLevel.Scalar).Holds);
    }
}
