using Monitoring.Core.Results;
using System.Globalization;
using Monitoring.Analysis.Measurement;
using Monitoring.Analysis.Responses;

namespace Monitoring.Analysis.Tests.Measurement;

/// <summary>lavaan's textbook example: the three-factor model of HolzingerSwineford1939, and its invariance across school.</summary>
public sealed class HolzingerSwinefordTests
{
    private static readonly string[] Items = ["x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"];

    private static readonly FactorModel ThreeFactors = new(Items,
    [
        new Factor("visual", [0, 1, 2]),
        new Factor("textual", [3, 4, 5]),
        new Factor("speed", [6, 7, 8]),
    ]);

    [Fact]
    public void The_three_factor_model_matches_lavaan_in_every_estimate_standard_error_and_fit_index()
    {
        var (columns, _) = Data();
        var fit = CfaEstimator.Fit(ThreeFactors, [CompleteCases.Moments(columns, [], allRows: true)]);

        Assert.True(fit.Converged);
        Assert.Empty(LavaanReference.Differences("hs", fit));
    }

    [Theory]
    [InlineData(InvarianceLevel.Configural, "hs_configural")]
    [InlineData(InvarianceLevel.Metric, "hs_metric")]
    [InlineData(InvarianceLevel.Scalar, "hs_scalar")]
    public void The_invariance_models_across_school_match_lavaan(InvarianceLevel level, string name)
    {
        var (columns, schools) = Data();
        // lavaan orders the groups as they first appear in the data: Pasteur, then Grant-White.
        var groups = new[] { "Pasteur", "Grant-White" }
            .Select(school => CompleteCases.Moments(columns, Enumerable.Range(0, schools.Length).Where(r => schools[r] == school).ToArray()))
            .ToArray();
        var fit = CfaEstimator.Fit(ThreeFactors, groups, level);

        Assert.True(fit.Converged);
        Assert.Empty(LavaanReference.Differences(name, fit));
    }

    private static (ItemColumn[] Columns, string[] Schools) Data()
    {
        var lines = File.ReadAllLines(LavaanReference.File("holzinger.csv"));
        var header = lines[0].Split(',');
        var values = Items.Select(_ => new float[lines.Length - 1]).ToArray();
        var schools = new string[lines.Length - 1];
        for (int r = 1; r < lines.Length; r++)
        {
            var cells = lines[r].Split(',');
            schools[r - 1] = cells[Array.IndexOf(header, "school")];
            for (int j = 0; j < Items.Length; j++)
            {
                values[j][r - 1] = float.Parse(cells[Array.IndexOf(header, Items[j])], CultureInfo.InvariantCulture);
            }
        }

        return ([.. values.Select(v => new ItemColumn(v))], schools);
    }
}
