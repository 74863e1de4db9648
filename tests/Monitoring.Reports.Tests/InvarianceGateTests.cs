using Monitoring.Core.Results;
using Monitoring.Reports.Profiles;
using Monitoring.Reports.Tests.Support;

namespace Monitoring.Reports.Tests;

/// <summary>
/// The gate: where scalar invariance across the waves does not hold for a scale, the reports do not present its
/// mean change as a change in the construct; they say so and show the item means per wave instead. The sample's
/// scales all hold (its three-item subscales are judged by ΔCFI after their saturated configural model), so the
/// gated reports are rendered from the sample's results with toewijding's scalar step failed.
/// </summary>
[Collection(SampleReportsCollection.Name)]
public sealed class InvarianceGateTests(SampleReports sample)
{
    [Fact]
    public void The_sample_holds_scalar_invariance_for_every_scale_once_steps_after_a_saturated_model_are_judged_by_cfi()
    {
        var rejected = sample.Results.Invariance.Where(i => !i.ScalarHolds).Select(i => i.Scale.Value);

        Assert.Empty(rejected);
        Assert.Contains(sample.Results.Invariance, i => i.Steps[0].DegreesOfFreedom == 0);
    }

    [Theory]
    [InlineData("en", "Dedication: the difference from T0 to T2 is not shown as a change in Dedication, because the scale does not measure the same thing in every wave", "Item trends")]
    [InlineData("nl", "Toewijding: het verschil van T0 naar T2 wordt niet getoond als een verandering in Toewijding, omdat de schaal niet op elk meetmoment hetzelfde meet", "Trends per item")]
    public void A_scale_without_scalar_invariance_gets_a_plain_sentence_and_item_trends_instead_of_a_change(string language, string sentence, string heading)
    {
        var directory = Gated(language);
        var page = sample.Read(directory, "study.html");
        var network = sample.Read(directory, $"{sample.Study.Networks[0].Id}.html");

        foreach (var html in new[] { page, network })
        {
            Assert.Contains(sentence, html, StringComparison.Ordinal);
            Assert.Contains(heading, html, StringComparison.Ordinal);
            Assert.Contains("<th>bv_04</th>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<th>wb_01</th>", html, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(sentence, sample.Read(language == "en" ? sample.English : sample.Dutch, "study.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_scale_with_scalar_invariance_keeps_its_change_sentence()
    {
        var page = sample.Read(Gated("en"), "study.html");

        Assert.DoesNotContain("Well-being: the difference", page, StringComparison.Ordinal);
        Assert.Matches("Well-being (rose|fell|showed no clear change) from T0 to T2", page);
    }

    private static readonly HashSet<string> Rendered = [];

    /// <summary>The sample's reports with toewijding's scalar step failed, rendered once per language.</summary>
    private string Gated(string language)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "reports", "gated-" + language);
        lock (Rendered)
        {
            if (!Rendered.Add(language)) return directory;
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
            if (Directory.Exists(directory + ".tmp")) Directory.Delete(directory + ".tmp", recursive: true);
            var invariance = sample.Results.Invariance
                .Select(i => i.Scale.Value != "toewijding" ? i
                    : i with { Steps = [.. i.Steps.Select(s => s.Level == InvarianceLevel.Scalar ? s with { Holds = false } : s)] })
                .ToArray();
            var results = sample.Results with { Invariance = invariance };
            ReportRenderer.RenderAll(new ReportInput(results, ReportProfiles.From(sample.Profiles)), directory + ".tmp", new ReportOptions { Language = language });
            Directory.Move(directory + ".tmp", directory);
            return directory;
        }
    }
}
