using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Monitoring.Core.Privacy;
using Monitoring.Core.Results;
using Monitoring.Reports.Tests.Support;

namespace Monitoring.Reports.Tests;

/// <summary>The sample study's reports, rendered from real batch results, read back as XHTML.</summary>
[Collection(SampleReportsCollection.Name)]
public sealed partial class ReportRendererTests(SampleReports sample)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE");

    [Fact]
    public void EveryNetworkTrajectoryTheStudyAndTheIndexGetAFile()
    {
        var names = sample.DutchFiles.Select(Path.GetFileName).ToHashSet();
        Assert.Equal(1 + 1 + sample.Study.Trajectories.Count + sample.Study.Networks.Count, names.Count);
        Assert.Contains("index.html", names);
        Assert.Contains("study.html", names);
        foreach (var trajectory in sample.Study.Trajectories) Assert.Contains($"trajectory-{trajectory.Id}.html", names);
        foreach (var network in sample.Study.Networks) Assert.Contains($"{network.Id}.html", names);
        Assert.All(sample.DutchFiles, f => Assert.True(new FileInfo(f).Length > 1000, f));
    }

    [Theory]
    [InlineData("nl", "Deelname", "Evolutie", "Verandering", "Schoolprofielen", "Kwaliteit van de metingen")]
    [InlineData("en", "Participation", "Progress", "Change", "School profiles", "Measurement quality")]
    public void ANetworkReportHasEverySectionInItsLanguage(string language, params string[] headings)
    {
        foreach (var network in sample.Study.Networks)
        {
            var page = Page(language, $"{network.Id}.html");
            Assert.Equal(language, (string?)page.Root!.Attribute("lang"));
            var h2 = page.All("h2").Select(h => h.Value).ToList();
            Assert.Equal(headings, h2);
            Assert.Equal(["participation", "progress", "change", "profiles", "quality"], page.All("section").Select(s => (string?)s.Attribute("id")));
        }
    }

    [Fact]
    public void AProgressChartAndSmallMultiplesAreThereForEveryScale()
    {
        var network = sample.Study.Networks[0];
        var page = Page("nl", $"{network.Id}.html");
        var progress = page.All("section").Single(s => (string?)s.Attribute("id") == "progress");
        var scales = progress.All("h3").Select(h => h.Value).ToList();
        Assert.Equal(sample.Study.Scales.Count, scales.Count);
        foreach (var scale in sample.Study.Scales) Assert.Contains(scale.Name.Nl, scales);
        var blocks = progress.Elements().Where(e => e.Class() == "scale").ToList();
        Assert.Equal(sample.Study.Scales.Count, blocks.Count);
        Assert.All(blocks, b => Assert.Single(b.Elements(), e => e.Name.LocalName == "svg" && e.Class() == "chart"));
        Assert.True(progress.All("figure").Count() >= sample.Study.Scales.Count);
    }

    [Fact]
    public void ASchoolMeanBelowTheThresholdAppearsNowhereInItsPanelAndTheReasonDoes()
    {
        var checkedOne = false;
        var absentEverywhere = 0;
        foreach (var hidden in sample.Results.Aggregates.Where(a => a is { Level: AggregateLevel.School, Disclosure: Disclosure.BelowThreshold }))
        {
            var school = sample.Study.FindSchool(new(hidden.Unit.Value))!;
            var network = sample.Study.NetworkOf(school.Id)!;
            var truth = sample.Outcome.SchoolMeans.SingleOrDefault(m => m.School == school.Id && m.Wave == hidden.Wave && m.Scale == hidden.Scale);
            if (truth is null) continue;
            var page = Page("nl", $"{network.Id}.html");
            var scaleName = sample.Study.FindScale(hidden.Scale)!.Name.Nl;
            var figure = SchoolPanel(page, scaleName, school.Name);
            if (figure is null) continue; // every wave hidden: the school has no panel, checked below
            var text = figure.ToString();
            var mean = truth.Mean.ToString("0.00", Dutch);
            // The hidden wave never carries its value; the same digits may still belong to another wave's shown mean.
            Assert.DoesNotContain($"{hidden.Wave} {mean}", text);
            if (!text.Contains(mean, StringComparison.Ordinal)) absentEverywhere++;
            Assert.Contains($"{hidden.Wave} niet getoond (minder dan 5 antwoorden)", text);
            Assert.Contains($"{hidden.Wave}: minder dan 5 antwoorden", figure.All("figcaption").Single().Value);
            checkedOne = true;
        }
        Assert.True(checkedOne, "The sample results should hold a school mean below the threshold in a school that has a panel.");
        Assert.True(absentEverywhere > 0);
    }

    [Fact]
    public void ASchoolMeanHiddenForAnotherGroupsSakeSaysSo()
    {
        var hidden = sample.Results.Aggregates.First(a => a is { Level: AggregateLevel.School, Disclosure: Disclosure.Complementary });
        var school = sample.Study.FindSchool(new(hidden.Unit.Value))!;
        var page = Page("nl", $"{sample.Study.NetworkOf(school.Id)!.Id}.html");
        var truth = sample.Outcome.SchoolMeans.Single(m => m.School == school.Id && m.Wave == hidden.Wave && m.Scale == hidden.Scale);
        var scaleName = sample.Study.FindScale(hidden.Scale)!.Name.Nl;
        var figure = SchoolPanel(page, scaleName, school.Name);
        var text = figure?.ToString() ?? NotShownNote(page, scaleName);
        Assert.DoesNotContain(truth.Mean.ToString("0.00", Dutch), figure?.ToString() ?? "");
        Assert.Contains("verborgen om kleine groepen te beschermen", text);
    }

    [Fact]
    public void ASuppressedResponseCountShowsADashAndItsReasonNotTheCount()
    {
        var rate = sample.Results.ResponseRates.First(r => r.Suppressed && r.Responses > 0);
        var school = sample.Study.FindSchool(rate.School)!;
        var page = Page("nl", $"{sample.Study.NetworkOf(school.Id)!.Id}.html");
        var section = page.All("section").Single(s => (string?)s.Attribute("id") == "participation");
        var row = section.All("tr").Single(r => r.Elements().First().Value == school.Name);
        var wave = sample.Study.Waves.Select(w => w.Id).ToList().IndexOf(rate.Wave);
        var cell = row.Elements().ElementAt(1 + wave);
        Assert.StartsWith("–", cell.Value);
        Assert.DoesNotContain(rate.Responses.ToString(Dutch), cell.Value.Replace("–", ""));
        var marker = cell.All("sup").Single().Value;
        var note = section.All("p").Single(p => p.Class() == "note" && p.Value.StartsWith(marker, StringComparison.Ordinal)).Value;
        Assert.Contains(rate.Responses < 5 ? "minder dan 5 antwoorden" : "verborgen om kleine groepen te beschermen", note);
        var panel = section.All("figure").SingleOrDefault(f => f.All("figcaption").Single().Value == school.Name);
        if (panel is not null) Assert.Contains($"{rate.Wave} niet getoond", (string?)panel.All("svg").First().Attribute("aria-label"));
    }

    [Fact]
    public void NoReportRefersToAnythingOutsideItself()
    {
        foreach (var file in sample.DutchFiles.Concat(sample.EnglishFiles))
        {
            var html = File.ReadAllText(file);
            Assert.DoesNotContain("http://", html);
            Assert.DoesNotContain("https://", html);
            Assert.DoesNotContain("src=\"//", html);
            Assert.DoesNotContain("url(//", html);
            var page = Xhtml.Parse(html);
            Assert.DoesNotContain(page.Descendants(), e => e.Name.LocalName is "script" or "link" or "iframe" or "object");
            Assert.All(page.Descendants().Select(e => (string?)e.Attribute("src")).OfType<string>(), src => Assert.StartsWith("data:", src));
            foreach (var href in page.Descendants().Select(e => (string?)e.Attribute("href")).OfType<string>())
            {
                if (href.StartsWith('#'))
                    Assert.True(page.Descendants().Any(e => (string?)e.Attribute("id") == href[1..]), $"{Path.GetFileName(file)}: {href} points to nothing");
                else
                    Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(file)!, href)), $"{Path.GetFileName(file)}: {href} is not a report of this run");
            }
        }
    }

    [Fact]
    public void EveryImageAndChartHasATextAlternative()
    {
        foreach (var file in sample.DutchFiles.Concat(sample.EnglishFiles))
        {
            var page = Xhtml.Parse(File.ReadAllText(file));
            Assert.All(page.All("img"), img => Assert.False(string.IsNullOrWhiteSpace((string?)img.Attribute("alt"))));
            var charts = page.Descendants().Where(e => e.Name.LocalName == "svg" && (string?)e.Attribute("role") == "img").ToList();
            if (Path.GetFileName(file) != "index.html") Assert.NotEmpty(charts);
            foreach (var chart in charts)
            {
                Assert.False(string.IsNullOrWhiteSpace((string?)chart.Attribute("aria-label")), Path.GetFileName(file));
                Assert.False(string.IsNullOrWhiteSpace(chart.Elements().First(e => e.Name.LocalName == "title").Value));
            }
            // Every other SVG is decoration or definitions, hidden from assistive technology.
            Assert.All(page.Descendants().Where(e => e.Name.LocalName == "svg" && e.Parent?.Name.LocalName != "svg" && (string?)e.Attribute("role") != "img"),
                svg => Assert.Equal("true", (string?)svg.Attribute("aria-hidden")));
        }
    }

    [Fact]
    public void DutchReportsWriteDecimalCommasAndEnglishReportsDecimalPoints()
    {
        foreach (var (files, comma) in new[] { (sample.DutchFiles, true), (sample.EnglishFiles, false) })
            foreach (var file in files.Where(f => Path.GetFileName(f) != "index.html"))
            {
                var texts = string.Join("\n", Xhtml.Texts(Xhtml.Parse(File.ReadAllText(file))));
                Assert.Matches(comma ? DecimalComma() : DecimalPoint(), texts);
                Assert.DoesNotMatch(comma ? DecimalPoint() : DecimalComma(), texts);
            }
    }

    [Fact]
    public void AChangeIsClaimedOnlyWhereItsIntervalExcludesZero()
    {
        var sentences = 0;
        foreach (var network in sample.Study.Networks)
        {
            var items = Page("nl", $"{network.Id}.html").All("ul").Single(u => u.Class() == "sentences").Elements().Select(li => li.Value).ToList();
            var latest = sample.Study.Waves[^1].Id;
            foreach (var scale in sample.Study.Scales)
            {
                var change = sample.Results.Changes.Single(c => c.Unit == UnitId.Of(network.Id)
                    && c.Scale == scale.Id && c.From == sample.Study.Waves[0].Id && c.To == latest);
                var sentence = items.Single(s => s.StartsWith(scale.Name.Nl + " ", StringComparison.Ordinal) || s.StartsWith(scale.Name.Nl + ":", StringComparison.Ordinal));
                if (!sample.Results.Invariance.Single(i => i.Scale == scale.Id).ScalarHolds)
                {
                    // The invariance gate: no change is claimed for a scale without scalar invariance (InvarianceGateTests).
                    Assert.Contains("wordt niet getoond als een verandering", sentence);
                    sentences++;
                    continue;
                }

                var expected = change.Suppressed ? "geen vergelijking"
                    : !change.IsSignificant ? "bleef ongeveer gelijk"
                    : change.Difference > 0 ? "steeg" : "daalde";
                Assert.Contains(expected, sentence);
                if (change is { Suppressed: false, Panel.HedgesG: { } d })
                    Assert.Contains($"(g\u00A0=\u00A0{d.ToString("0.00", Dutch).Replace('-', '−')})", sentence);
                sentences++;
            }
        }
        Assert.True(sentences > 0);
    }

    [Fact]
    public void EveryReportIsWellFormedXhtml()
    {
        foreach (var file in sample.DutchFiles.Concat(sample.EnglishFiles))
        {
            var page = Xhtml.Parse(File.ReadAllText(file));
            Assert.Equal("html", page.Root!.Name.LocalName);
            Assert.Single(page.All("h1"));
            Assert.Single(page.All("style"));
        }
    }

    [Fact]
    public void WithoutProfilesTheProfileSectionSaysTheyWereNotComputed()
    {
        var page = Xhtml.Parse(sample.Read(sample.WithoutProfiles, $"{sample.Study.Networks[0].Id}.html"));
        var section = page.All("section").Single(s => (string?)s.Attribute("id") == "profiles");
        Assert.Contains("niet berekend", section.Value);
        Assert.Empty(section.All("table"));
    }

    [Fact]
    public void TheProfileSectionShowsEveryCentroidAndEachSchoolsProfilePerWave()
    {
        var profiles = sample.Profiles;
        var unstable = profiles.Centroids.Where(c => !c.IsStable).Select(c => c.Profile).ToHashSet();
        foreach (var network in sample.Study.Networks)
        {
            var section = Page("nl", $"{network.Id}.html").All("section").Single(s => (string?)s.Attribute("id") == "profiles");
            var chart = Assert.Single(section.All("svg"), s => s.Class() == "chart");
            var alt = chart.All("title").Single().Value;
            foreach (var c in profiles.Centroids) Assert.Contains($"Profiel {c.Profile}", alt);

            var tables = section.All("table").ToList();
            Assert.Equal(2, tables.Count);
            var names = tables[0].All("tbody").Single().Elements().Select(tr => tr.Elements().ElementAt(1).Value).ToList();
            Assert.Equal(profiles.Centroids.Select(c => c.Name.Nl + (c.IsStable ? "" : " (instabiel)")), names);

            var rows = tables[1].All("tbody").Single().Elements().ToList();
            Assert.Equal(network.Schools.Count, rows.Count);
            foreach (var (id, row) in network.Schools.Zip(rows))
            {
                Assert.Equal(sample.Study.FindSchool(id)!.Name, row.Elements().First().Value);
                var cells = row.Elements().Skip(1).Take(sample.Study.Waves.Count).Select(td => td.Value).ToList();
                for (var w = 0; w < sample.Study.Waves.Count; w++)
                {
                    var wave = sample.Study.Waves[w].Id;
                    var assigned = profiles.Profiles.SingleOrDefault(p => p.School == id && p.Wave == wave);
                    var hidden = sample.Results.ResponseRates.Single(r => r.School == id && r.Wave == wave).Suppressed
                        || sample.Results.Aggregates.Any(a => a.Unit == UnitId.Of(id) && a.Wave == wave && a.Suppressed);
                    Assert.Equal(assigned is null || hidden ? "–" : assigned.Profile + (unstable.Contains(assigned.Profile) ? "*" : ""), cells[w]);
                }
            }
        }
    }

    [Fact]
    public void ASchoolBelowThePrivacyThresholdInAWaveHasNoProfileThere()
    {
        var threshold = sample.Study.Analysis.PrivacyThreshold;
        var small = sample.Results.ResponseRates.Where(r => r.Responses < threshold).ToList();
        Assert.NotEmpty(small);
        foreach (var rate in small)
            Assert.DoesNotContain(sample.Profiles.Profiles, p => p.School == rate.School && p.Wave == rate.Wave);
    }

    [Fact]
    public void ASchoolHiddenToProtectASmallNeighbourShowsNoProfileThoughItHasOne()
    {
        var threshold = sample.Study.Analysis.PrivacyThreshold;
        var hidden = sample.Results.ResponseRates
            .Where(r => r.Suppressed && r.Responses >= threshold)
            .Where(r => sample.Profiles.Profiles.Any(p => p.School == r.School && p.Wave == r.Wave))
            .ToList();
        Assert.NotEmpty(hidden);
        foreach (var rate in hidden)
        {
            var network = sample.Study.Networks.Single(n => n.Schools.Contains(rate.School));
            var table = Page("nl", $"{network.Id}.html").All("section").Single(s => (string?)s.Attribute("id") == "profiles").All("table").Last();
            var row = table.All("tbody").Single().Elements().Single(tr => tr.Elements().First().Value == sample.Study.FindSchool(rate.School)!.Name);
            var w = sample.Study.Waves.ToList().FindIndex(x => x.Id == rate.Wave);
            Assert.Equal("–", row.Elements().ElementAt(1 + w).Value);
        }
    }

    private XDocument Page(string language, string file) =>
        Xhtml.Parse(sample.Read(language == "en" ? sample.English : sample.Dutch, file));

    /// <summary>The school's small-multiple panel under the scale's heading, or null when it has none.</summary>
    private static XElement? SchoolPanel(XDocument page, string scaleName, string schoolName)
    {
        var heading = page.All("h3").Single(h => h.Value == scaleName);
        return heading.ElementsAfterSelf().TakeWhile(e => e.Name.LocalName != "h3")
            .Where(e => e.Class() == "multiples").SelectMany(m => m.Elements())
            .SingleOrDefault(f => f.All("figcaption").Single().Nodes().OfType<XText>().First().Value == schoolName);
    }

    private static string NotShownNote(XDocument page, string scaleName)
    {
        var heading = page.All("h3").Single(h => h.Value == scaleName);
        return string.Concat(heading.ElementsAfterSelf().TakeWhile(e => e.Name.LocalName != "h3").Where(e => e.Class() == "note").Select(e => e.Value));
    }

    // Two decimals exactly: "4.000" (a Dutch thousands separator) and "4,000" (an English one) are not decimals.
    [GeneratedRegex(@"\d,\d\d(?!\d)")]
    private static partial Regex DecimalComma();

    [GeneratedRegex(@"\d\.\d\d(?!\d)")]
    private static partial Regex DecimalPoint();
}
