using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Monitoring.Core.Definitions;
using Monitoring.Tests.Shared;

namespace Monitoring.Batch.Tests.Privacy;

/// <summary>
/// Issue 12's differencing test: the real batch over the sample study and over 50,000 generated responses, its
/// coordinator-facing outputs read as an attacker would (aggregates.csv, change.csv, response_rates.csv, the network
/// reports), and every hidden cell attacked: parent unit minus shown children (counts and n-weighted means, through every
/// level), counts across tables, a parent scale against its subscales, change rows across waves, the reports' numbers.
/// </summary>
[Collection(SampleRunCollection.Name)]
public sealed partial class DifferencingAttackTests(SampleRun sample, GeneratedRun generated) : IClassFixture<GeneratedRun>
{
    [Fact]
    public async Task NoHiddenCellOfTheSampleStudyIsRecoveredFromWhatCoordinatorsSee()
    {
        var view = CoordinatorView.Read(await TestStudy.SampleAsync(), sample.Datasets);

        AssertNone(Attack(view, sample.Datasets, sample.Result, sample.OutputDirectory));
    }

    [Fact]
    public async Task NoHiddenCellOfAGeneratedStudyOf50000ResponsesIsRecoveredFromWhatCoordinatorsSee()
    {
        var definition = await StudyDefinitionLoader.LoadAsync(generated.StudyDirectory);
        var datasets = Path.Combine(generated.OutputDirectory, "datasets");
        var view = CoordinatorView.Read(definition.Study!, datasets);
        Assert.True(view.Truth.Where(t => t.Key.Measure == CoordinatorView.Responses).Sum(t => t.Value.N) > 45_000);

        AssertNone(Attack(view, datasets, generated.Result, generated.OutputDirectory));
    }

    internal static List<string> Attack(CoordinatorView view, string datasets, BatchRunResult result, string output) =>
        [.. new DifferencingAttack(view, 5).Run().Findings, .. ChangeFindings(view, datasets), .. ReportFindings(view, result, output)];

    [Fact]
    public async Task TheAttackFindsTheIssuesExampleWhenASchoolsCountIsHiddenInOneTableAndShownInAnother()
    {
        // The issue's example, rebuilt: willebroek-bs-01 hidden (4), mechelen-bs-01 hidden to protect it, but mechelen's n
        // on vitaliteit shown. The attacker must find willebroek's 4; this guards the attack itself against passing trivially.
        var view = CoordinatorView.Read(await TestStudy.SampleAsync(), sample.Datasets);
        const string wave = "T1", network = "leersprongen-rivierenland";
        var schools = view.Children("network", network);
        Assert.Contains("willebroek-bs-01", schools);
        foreach (var school in schools)
            foreach (var measure in view.Measures)
            {
                var key = ("school", school, wave, measure);
                if (school is "willebroek-bs-01" or "mechelen-bs-01") view.Shown.Remove(key);
                else view.Shown[key] = view.Truth.GetValueOrDefault((school, wave, measure));
            }
        foreach (var measure in view.Measures.Skip(1))
            view.Shown[("network", network, wave, measure)] = view.TrueValue("network", network, wave, measure);
        view.Shown[("school", "mechelen-bs-01", wave, "vitaliteit")] = view.Truth[("mechelen-bs-01", wave, "vitaliteit")];

        var findings = new DifferencingAttack(view, 5).Run().Findings;

        Assert.Contains(findings, f => f.Contains($"network {network} {wave} bevlogenheid", StringComparison.Ordinal) && f.Contains("willebroek-bs-01", StringComparison.Ordinal));
    }

    private static void AssertNone(IReadOnlyList<string> findings) =>
        Assert.True(findings.Count == 0, $"{findings.Count} finding(s):\n" + string.Join("\n", findings.Take(25)));

    /// <summary>Across waves: a shown change row carries exactly its two shown aggregates' n and means; a hidden cell's rows carry nothing.</summary>
    private static List<string> ChangeFindings(CoordinatorView view, string datasets)
    {
        var findings = new List<string>();
        var change = CsvTable.Read(Path.Combine(datasets, "change.csv"));
        string[] numbers = ["n_from", "n_to", "mean_from", "mean_to", "difference", "ci_low", "ci_high", "cohens_d"];
        foreach (var values in change.Rows)
        {
            string F(string column) => values[change.Column(column)];
            var (level, unit, scale) = (F("level"), F("unit"), F("scale"));
            var where = $"change {level} {unit} {scale} {F("from_wave")}→{F("to_wave")}";
            var from = view.Shown.TryGetValue((level, unit, F("from_wave"), scale), out var a);
            var to = view.Shown.TryGetValue((level, unit, F("to_wave"), scale), out var b);
            if (F("suppressed") == "true")
            {
                if (numbers.Any(c => F(c).Length > 0)) findings.Add($"{where}: suppressed but shows numbers");
                continue;
            }
            if (!from || !to)
            {
                findings.Add($"{where}: shown though a wave's aggregate is hidden");
                continue;
            }
            if (int.Parse(F("n_from"), CultureInfo.InvariantCulture) != a.N || int.Parse(F("n_to"), CultureInfo.InvariantCulture) != b.N)
                findings.Add($"{where}: its n differ from the aggregates'");
            if (Math.Abs(double.Parse(F("mean_from"), CultureInfo.InvariantCulture) - a.Sum / a.N) > 1e-5
                || Math.Abs(double.Parse(F("mean_to"), CultureInfo.InvariantCulture) - b.Sum / b.N) > 1e-5)
                findings.Add($"{where}: its means differ from the aggregates'");
        }
        return findings;
    }

    /// <summary>The network reports' participation and profile tables: a number or a profile only for a school-wave response_rates.csv shows, and the same count.</summary>
    private static List<string> ReportFindings(CoordinatorView view, BatchRunResult result, string output)
    {
        var findings = new List<string>();
        var waves = view.Study.Waves.Select(w => w.Id.Value).ToArray();
        foreach (var network in view.Study.Networks)
        {
            var html = File.ReadAllText(Path.Combine(output, result.NetworkReports[network.Id]));
            var byName = network.Schools.ToDictionary(s => view.Study.FindSchool(s)!.Name, s => s.Value);
            foreach (var section in new[] { "participation", "profiles" })
            {
                var start = html.IndexOf($"<section id=\"{section}\"", StringComparison.Ordinal);
                if (start < 0) continue;
                var body = html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
                foreach (Match row in RowPattern().Matches(body))
                {
                    if (!byName.TryGetValue(WebUtility.HtmlDecode(row.Groups[1].Value), out var school)) continue;
                    var cells = CellPattern().Matches(row.Groups[2].Value);
                    for (var w = 0; w < waves.Length; w++)
                    {
                        var missing = cells[w].Groups[1].Value.Contains("missing", StringComparison.Ordinal);
                        var shown = view.Shown.TryGetValue(("school", school, waves[w], CoordinatorView.Responses), out var rate);
                        if (!missing && !shown)
                            findings.Add($"{network.Id} report, {section}: {school} {waves[w]} shows '{cells[w].Groups[2].Value}' though response_rates.csv hides it");
                        else if (section == "participation" && shown && (missing || LeadingCount(cells[w].Groups[2].Value) != rate.N))
                            findings.Add($"{network.Id} report, participation: {school} {waves[w]} shows '{cells[w].Groups[2].Value}', response_rates.csv {rate.N}");
                    }
                }
            }
        }
        return findings;
    }

    private static int LeadingCount(string cell) => int.Parse(LeadingNumber().Match(WebUtility.HtmlDecode(cell)).Value.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [GeneratedRegex("<tr><th>(.*?)</th>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td class=\"([^\"]*)\">(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex(@"^[\d.,]+")]
    private static partial Regex LeadingNumber();
}
