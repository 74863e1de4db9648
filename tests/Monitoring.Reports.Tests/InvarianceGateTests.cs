using Monitoring.Reports.Tests.Support;

namespace Monitoring.Reports.Tests;

/// <summary>
/// The gate: where scalar invariance across the waves does not hold for a scale (in the sample: toewijding
/// and absorptie, whose metric step raises RMSEA by more than 0.015), the reports do not present its mean change
/// as a change in the construct; they say so and show the item means per wave instead.
/// </summary>
[Collection(SampleReportsCollection.Name)]
public sealed class InvarianceGateTests(SampleReports sample)
{
    [Fact]
    public void The_sample_rejects_scalar_invariance_for_toewijding_and_absorptie_only()
    {
        var rejected = sample.Results.Invariance.Where(i => !i.ScalarHolds).Select(i => i.Scale.Value).Order(StringComparer.Ordinal);

        Assert.Equal(["absorptie", "toewijding"], rejected);
    }

    [Theory]
    [InlineData("en", "Dedication: the difference from T0 to T2 is not shown as a change in Dedication, because the scale does not measure the same thing in every wave", "Item trends")]
    [InlineData("nl", "Toewijding: het verschil van T0 naar T2 wordt niet getoond als een verandering in Toewijding, omdat de schaal niet op elk meetmoment hetzelfde meet", "Trends per item")]
    public void A_scale_without_scalar_invariance_gets_a_plain_sentence_and_item_trends_instead_of_a_change(string language, string sentence, string heading)
    {
        var directory = language == "en" ? sample.English : sample.Dutch;
        var page = sample.Read(directory, "study.html");
        var network = sample.Read(directory, $"{sample.Study.Networks[0].Id}.html");

        foreach (var html in new[] { page, network })
        {
            Assert.Contains(sentence, html, StringComparison.Ordinal);
            Assert.Contains(heading, html, StringComparison.Ordinal);
            Assert.Contains("<th>bv_04</th>", html, StringComparison.Ordinal);
            Assert.Contains("<th>bv_07</th>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<th>wb_01</th>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_scale_with_scalar_invariance_keeps_its_change_sentence()
    {
        var page = sample.Read(sample.English, "study.html");

        Assert.DoesNotContain("Well-being: the difference", page, StringComparison.Ordinal);
        Assert.Matches("Well-being (rose|fell|showed no clear change) from T0 to T2", page);
    }
}
