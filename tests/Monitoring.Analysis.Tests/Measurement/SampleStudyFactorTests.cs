using System.Globalization;
using Monitoring.Analysis.Datasets;
using Monitoring.Analysis.Measurement;
using Monitoring.Analysis.Responses;
using Monitoring.Tests.Shared;

namespace Monitoring.Analysis.Tests.Measurement;

/// <summary>
/// The batch's factor analyses of the sample study (data-samples/responses.csv) against lavaan on the batch's
/// own recoded items (responses.csv of the researcher datasets): every one-factor model per scale and wave and
/// the configural, metric and scalar models across the waves.
/// </summary>
public sealed class SampleStudyFactorTests
{
    private static readonly Lazy<Task<AnalysisOutcome>> Outcome = new(async () =>
    {
        var study = await TestStudy.SampleAsync();
        await using var stream = File.OpenRead(TestStudy.SampleResponses);
        var raw = await new RawResponseReader(study).ReadAsync(stream, "responses.csv");
        return AnalysisPipeline.Run(raw, new StepTimings());
    });

    [Fact]
    public async Task Every_one_factor_model_per_scale_and_wave_matches_lavaan()
    {
        var outcome = await Outcome.Value;
        var study = outcome.Results.Study;
        var differences = new List<string>();
        int compared = 0;
        foreach (var measurement in outcome.Measurement)
        {
            for (int w = 0; w < study.Waves.Count; w++)
            {
                var fit = measurement.ByWave[w];
                Assert.NotNull(fit);
                differences.AddRange(LavaanReference.Differences($"sample.{study.Scales[measurement.Scale].Id.Value}.{study.Waves[w].Id.Value}", fit));
                compared++;
            }
        }

        Assert.Equal(study.Scales.Count * study.Waves.Count, compared);
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences.Take(30)));
    }

    [Fact]
    public async Task The_invariance_models_across_waves_match_lavaan()
    {
        var outcome = await Outcome.Value;
        var study = outcome.Results.Study;
        var differences = new List<string>();
        foreach (var measurement in outcome.Measurement)
        {
            string name = $"sample.{study.Scales[measurement.Scale].Id.Value}";
            Assert.Equal(study.Waves.Count, measurement.Waves.Count);
            differences.AddRange(LavaanReference.Differences(name + ".configural", measurement.Configural!));
            differences.AddRange(LavaanReference.Differences(name + ".metric", measurement.Metric!));
            differences.AddRange(LavaanReference.Differences(name + ".scalar", measurement.Scalar!));
        }

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences.Take(30)));
    }

    [Theory]
    [InlineData("gedeeld_leiderschap")]
    [InlineData("bevlogenheid")]
    public async Task The_correlated_factors_model_of_a_scale_with_subscales_matches_lavaan_per_wave(string scaleId)
    {
        var outcome = await Outcome.Value;
        var study = outcome.Results.Study;
        var scale = study.Scales.Single(s => s.Id.Value == scaleId);
        var items = scale.Items.Select(i => i.Value).ToArray();
        var subscales = study.Scales.Where(s => s.Id != scale.Id && s.Items.All(scale.Items.Contains)).ToArray();
        Assert.Equal(3, subscales.Length);
        var model = new FactorModel(items, [.. subscales.Select(sub => new Factor(sub.Id.Value, [.. sub.Items.Select(i => Array.IndexOf(items, i.Value))]))]);
        var columns = scale.Items.Select(id => outcome.Scored.Recoded[study.Items.ToList().FindIndex(i => i.Id == id)]).ToArray();
        var differences = new List<string>();
        foreach (var wave in study.Waves)
        {
            var rows = outcome.Scored.Rows.Where(r => study.Waves[outcome.Scored.Table.Waves[r]].Id == wave.Id).ToArray();
            var fit = CfaEstimator.Fit(model, [CompleteCases.Moments(columns, rows)]);
            differences.AddRange(LavaanReference.Differences($"sample.{scaleId}_subscales.{wave.Id.Value}", fit));
        }

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences.Take(30)));
    }

    [Fact]
    public async Task Reliability_csv_carries_omega_from_lavaans_loadings_and_residual_variances_per_scale_and_wave()
    {
        var outcome = await Outcome.Value;
        using var folder = new TemporaryDirectory();
        DatasetWriter.Write(folder.Path, outcome, "hash", new StepTimings());
        var table = CsvTable.Read(folder.File("reliability.csv"));

        Assert.Equal(["scale", "wave", "n", "k", "raw_alpha", "std_alpha", "average_r", "omega", "omega_n"], table.Header);
        Assert.Equal(30, table.Rows.Count);
        foreach (var values in table.Rows)
        {
            var row = new CsvTable.Row(table, values);
            string name = $"sample.{row["scale"]}.{row["wave"]}";
            var keys = LavaanReference.Keys(name).ToArray();
            double loadings = keys.Where(k => k.Contains("=~", StringComparison.Ordinal) && k.EndsWith(".est", StringComparison.Ordinal)).Sum(LavaanReference.Value);
            double residuals = keys.Where(k => k.EndsWith(".est", StringComparison.Ordinal) && k.Split('.')[3].Split("~~") is [var l, var r] && l == r && l != "f").Sum(LavaanReference.Value);
            double variance = LavaanReference.Value($"{name}.f~~f.g1.est");
            double common = loadings * loadings * variance;
            Assert.Equal(common / (common + residuals), double.Parse(row["omega"], CultureInfo.InvariantCulture), 1e-6);
            Assert.Equal(LavaanReference.Value($"{name}.fit.ntotal"), double.Parse(row["omega_n"], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Invariance_csv_has_the_three_steps_per_scale_with_lavaans_fit_and_chens_decisions()
    {
        var outcome = await Outcome.Value;
        using var folder = new TemporaryDirectory();
        DatasetWriter.Write(folder.Path, outcome, "hash", new StepTimings());
        var table = CsvTable.Read(folder.File("invariance.csv"));

        Assert.Equal(["scale", "grouping", "groups", "level", "n", "chisq", "df", "pvalue", "cfi", "tli", "rmsea", "rmsea_lower",
            "rmsea_upper", "srmr", "delta_cfi", "delta_rmsea", "holds"], table.Header);
        Assert.Equal(30, table.Rows.Count);
        foreach (var values in table.Rows)
        {
            var row = new CsvTable.Row(table, values);
            Assert.Equal("wave", row["grouping"]);
            Assert.Equal("T0 T1 T2", row["groups"]);
            string name = $"sample.{row["scale"]}.{row["level"]}";
            foreach (var (column, measure) in new[] { ("chisq", "chisq"), ("df", "df"), ("cfi", "cfi"), ("tli", "tli"), ("rmsea", "rmsea"),
                ("rmsea_lower", "rmsea.ci.lower"), ("rmsea_upper", "rmsea.ci.upper"), ("srmr", "srmr"), ("n", "ntotal") })
            {
                // The CSV holds 8 significant digits: χ² in the thousands is compared relatively.
                double expected = LavaanReference.Value($"{name}.fit.{measure}");
                Assert.Equal(expected, row.Number(column), 1e-4 * Math.Max(1, Math.Abs(expected)));
            }

            string? previous = row["level"] switch { "metric" => "configural", "scalar" => "metric", _ => null };
            if (previous is null)
            {
                Assert.Equal("", row["holds"]);
                continue;
            }

            string before = $"sample.{row["scale"]}.{previous}";
            double deltaCfi = LavaanReference.Value($"{before}.fit.cfi") - LavaanReference.Value($"{name}.fit.cfi");
            double deltaRmsea = LavaanReference.Value($"{name}.fit.rmsea") - LavaanReference.Value($"{before}.fit.rmsea");
            Assert.Equal(deltaCfi, row.Number("delta_cfi"), 1e-4);
            Assert.Equal(deltaRmsea, row.Number("delta_rmsea"), 1e-4);
            // After a saturated model (df = 0 in lavaan's fit of the previous step), ΔCFI alone decides.
            var saturatedBefore = LavaanReference.Value($"{before}.fit.df") == 0;
            bool holds = deltaCfi <= 0.010 && (saturatedBefore || deltaRmsea <= 0.015)
                && (row["level"] == "metric" || new CsvTable.Row(table, table.Where(("scale", row["scale"]), ("level", "metric")).Single())["holds"] == "true");
            Assert.Equal(holds ? "true" : "false", row["holds"]);
        }
    }
}
