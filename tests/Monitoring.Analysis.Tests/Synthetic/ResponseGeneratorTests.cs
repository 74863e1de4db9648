using System.Security.Cryptography;
using System.Text;
using Monitoring.Analysis.Responses;
using Monitoring.Analysis.Synthetic;
using Monitoring.Core.Definitions;
using Monitoring.Core.Responses;
using Monitoring.Core.Studies;
using Xunit.Abstractions;

namespace Monitoring.Analysis.Tests.Synthetic;

public sealed class ResponseGeneratorTests(GeneratedSample sample, ITestOutputHelper output) : IClassFixture<GeneratedSample>
{
    private static async Task<byte[]> GenerateAsync(GeneratorOptions options)
    {
        var generator = ResponseGenerator.ForSize(await SampleStudy.LoadAsync(), options);
        using var stream = new MemoryStream();
        await generator.WriteAsync(stream);
        return stream.ToArray();
    }

    // ---- Determinism and shape ----

    [Fact]
    public async Task TheSameSeedGivesTheSameBytes()
    {
        var first = await GenerateAsync(new GeneratorOptions { Responses = 3000, Seed = 7 });
        var second = await GenerateAsync(new GeneratorOptions { Responses = 3000, Seed = 7 });

        Assert.Equal(SHA256.HashData(first), SHA256.HashData(second));
        Assert.True(first.Length > 3000 * 100);
    }

    [Fact]
    public async Task ADifferentSeedGivesDifferentBytes()
    {
        var first = await GenerateAsync(new GeneratorOptions { Responses = 3000, Seed = 7 });
        var second = await GenerateAsync(new GeneratorOptions { Responses = 3000, Seed = 8 });

        Assert.NotEqual(SHA256.HashData(first), SHA256.HashData(second));
        Assert.Equal(Encoding.UTF8.GetString(first).Split('\n')[0], Encoding.UTF8.GetString(second).Split('\n')[0]);
    }

    [Fact]
    public async Task ThePlantedFilesAreDeterministicToo()
    {
        async Task<(byte[], byte[])> PlantedAsync(int seed)
        {
            var generator = ResponseGenerator.ForSize(await SampleStudy.LoadAsync(), new GeneratorOptions { Responses = 1000, Seed = seed });
            using var profiles = new MemoryStream();
            using var effects = new MemoryStream();
            await generator.WritePlantedProfilesAsync(profiles);
            await generator.WritePlantedEffectsAsync(effects);
            return (profiles.ToArray(), effects.ToArray());
        }

        var (p1, e1) = await PlantedAsync(3);
        var (p2, e2) = await PlantedAsync(3);
        var (p3, _) = await PlantedAsync(4);

        Assert.Equal(p1, p2);
        Assert.Equal(e1, e2);
        Assert.NotEqual(p1, p3);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1234)]
    [InlineData(7001)]
    public async Task ExactlyTheRequestedNumberOfRowsIsWritten(int rows)
    {
        var bytes = await GenerateAsync(new GeneratorOptions { Responses = rows, Seed = 11 });

        var text = Encoding.UTF8.GetString(bytes);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.Equal(rows + 1, text.Count(c => c == '\n'));
    }

    [Fact]
    public async Task TheHeaderIsTheFixedColumnsThenEveryItemInStudyOrder()
    {
        var study = await SampleStudy.LoadAsync();

        var header = Encoding.UTF8.GetString(sample.Csv).Split('\n')[0];

        Assert.Equal(string.Join(",", RawResponseColumns.Ordered.Concat(study.Items.Select(i => i.Id.Value))), header);
        Assert.StartsWith("response_id,school,wave,role,linkage_code,started,submitted,language,wb_01,", header, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutMalformedRowsEveryRowIsReadBackWithoutProblems()
    {
        var options = new GeneratorOptions { Responses = 3000, Seed = 5, MalformedShare = 0 };
        var generator = ResponseGenerator.ForSize(await SampleStudy.LoadAsync(), options);
        using var stream = new MemoryStream();
        await generator.WriteAsync(stream);
        stream.Position = 0;

        var read = await new RawResponseReader(generator.Study).ReadAsync(stream, "generated");

        Assert.Empty(read.Problems);
        Assert.Equal(3000, read.RowsRead);
        Assert.Equal(3000, read.Table.Count);
    }

    [Fact]
    public void WithDefaultOptionsOnlyTheFewPlantedMalformedRowsHaveProblems()
    {
        var read = sample.Read;
        output.WriteLine($"{read.Problems.Count} problems in {read.RowsRead} rows: {string.Join("; ", read.Problems.Take(5))}");

        Assert.Equal(GeneratedSample.Rows, read.RowsRead);
        Assert.InRange(read.Problems.Count, 1, GeneratedSample.Rows / 500);
        Assert.Equal(read.Problems.Count, read.RowsExcluded);
        Assert.Equal(read.Problems.Count, read.Problems.Select(p => p.Row).Distinct().Count());
        Assert.All(read.Problems, p => Assert.True(
            (p.Column == "school" && p.Value == "onbekende-school") || p.Value == "x" || p.Reason.StartsWith("Outside the item's range", StringComparison.Ordinal),
            $"Unexpected problem: {p}"));
    }

    [Fact]
    public void EveryRowIsSubmittedAfterItWasStartedInBelgianTimeAndAlmostAllInsideTheirWave()
    {
        var table = sample.Table;
        var brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
        var late = 0;
        for (var r = 0; r < table.Count; r++)
        {
            Assert.True(table.Submitted[r] > table.Started[r]);
            var wave = sample.Study.Waves[table.Waves[r]];
            Assert.True(table.Started[r] >= wave.Opens);
            if (!wave.IsOpenAt(table.Submitted[r])) late++;
            Assert.Equal(brussels.GetUtcOffset(table.Submitted[r]), table.Submitted[r].Offset);
            Assert.Equal(brussels.GetUtcOffset(table.Started[r]), table.Started[r].Offset);
        }
        output.WriteLine($"{late} late of {table.Count}");
        Assert.InRange(late, 1, table.Count / 50);
    }

    // ---- Structure ----

    [Fact]
    public void ReverseKeyedItemsCorrelateNegativelyWithTheRestOfTheirScaleBeforeRecodingAndPositivelyAfter()
    {
        var scales = sample.Study.Scales.Where(s => s.ReverseKeyed.Count > 0).ToArray();
        Assert.NotEmpty(scales);
        foreach (var scale in scales)
        {
            var forward = scale.Items.Except(scale.ReverseKeyed).Select(id => sample.Study.FindItem(id)!).ToArray();
            var forwardColumns = forward.Select(f => sample.Column(f, recode: false)).ToArray();
            foreach (var reversedId in scale.ReverseKeyed)
            {
                var item = sample.Study.FindItem(reversedId)!;
                var (rawColumn, recodedColumn) = (sample.Column(item, recode: false), sample.Column(item, recode: true));
                var (raw, recoded, rest) = (new List<double>(), new List<double>(), new List<double>());
                for (var r = 0; r < sample.Table.Count; r++)
                {
                    double sum = 0;
                    var answered = 0;
                    foreach (var column in forwardColumns)
                        if (!double.IsNaN(column[r])) { sum += column[r]; answered++; }
                    if (double.IsNaN(rawColumn[r]) || answered < 2) continue;
                    raw.Add(rawColumn[r]);
                    recoded.Add(recodedColumn[r]);
                    rest.Add(sum / answered);
                }
                var before = GeneratedSample.Correlation(raw, rest);
                var after = GeneratedSample.Correlation(recoded, rest);
                output.WriteLine($"{scale.Id} {reversedId}: r = {before:F3} raw, {after:F3} recoded (n = {raw.Count})");
                Assert.True(before < -0.3, $"{reversedId} in {scale.Id}: r = {before:F3} before recoding");
                Assert.True(after > 0.3, $"{reversedId} in {scale.Id}: r = {after:F3} after recoding");
            }
        }
    }

    [Fact]
    public void ForwardKeyedItemsCorrelatePositivelyWithTheRestOfTheirScale()
    {
        foreach (var scale in sample.LeafScales)
        {
            var items = scale.Items.Except(scale.ReverseKeyed).Select(id => sample.Study.FindItem(id)!).ToArray();
            var item = items[0];
            var (x, rest) = (new List<double>(), new List<double>());
            for (var r = 0; r < sample.Table.Count; r++)
            {
                var v = sample.Answer(item, r, recode: false);
                var others = items.Skip(1).Select(f => sample.Answer(f, r, recode: false)).Where(a => !double.IsNaN(a)).ToArray();
                if (double.IsNaN(v) || others.Length < 2) continue;
                x.Add(v);
                rest.Add(others.Average());
            }
            var correlation = GeneratedSample.Correlation(x, rest);
            output.WriteLine($"{scale.Id} {item.Id}: r = {correlation:F3}");
            Assert.True(correlation > 0.3, $"{item.Id} in {scale.Id}: r = {correlation:F3}");
        }
    }

    [Fact]
    public void TrajectoryGrowthPlantedInTheEffectsFileShowsInTheWaveMeans()
    {
        var study = sample.Study;
        var first = study.Waves[0].Id.Value;
        var last = study.Waves[^1].Id.Value;
        var positive = 0;
        var flat = 0;
        foreach (var trajectory in study.Trajectories)
        {
            // Schools whose planted profile did not change, so the change is the trajectory's growth alone.
            var schools = study.Networks.Where(n => n.Trajectory == trajectory.Id).SelectMany(n => n.Schools)
                .Where(s => sample.Profiles[s.Value][first] == sample.Profiles[s.Value][last])
                .Select(s => study.Schools.ToList().FindIndex(x => x.Id == s)).ToHashSet();
            foreach (var scale in sample.LeafScales)
            {
                var planted = sample.Growth[trajectory.Id.Value][last][scale.Id.Value];
                Assert.Equal(0.0, sample.Growth[trajectory.Id.Value][first][scale.Id.Value]);
                var baseline = Scores(scale, 0, schools);
                var end = Scores(scale, study.Waves.Count - 1, schools);
                var sd = GeneratedSample.StandardDeviation(baseline);
                var change = (end.Average() - baseline.Average()) / sd;
                output.WriteLine($"{trajectory.Id,-28} {scale.Id,-16} planted {planted,6:F2}  observed {change,6:F2} SD (n = {baseline.Count}, {end.Count}; {schools.Count} schools)");
                if (planted > 0.2)
                {
                    positive++;
                    Assert.True(change > 0.2, $"{trajectory.Id} {scale.Id}: planted {planted}, observed {change:F2} SD");
                }
                else if (planted < -0.2)
                    Assert.True(change < -0.1, $"{trajectory.Id} {scale.Id}: planted {planted}, observed {change:F2} SD");
                else if (planted == 0)
                {
                    flat++;
                    Assert.True(Math.Abs(change) < 0.15, $"{trajectory.Id} {scale.Id}: planted no growth, observed {change:F2} SD");
                }
            }
        }
        Assert.True(positive >= 8 && flat >= 8, $"{positive} growing and {flat} flat trajectory-scale pairs");

        List<double> Scores(Monitoring.Core.Instruments.Scale scale, int wave, HashSet<int> schools)
        {
            var scores = new List<double>();
            for (var r = 0; r < sample.Table.Count; r++)
                if (sample.Table.Waves[r] == wave && schools.Contains(sample.Table.Schools[r]) && sample.Score(scale, r) is var s && !double.IsNaN(s))
                    scores.Add(s);
            return scores;
        }
    }

    [Fact]
    public void PlantedProfilesShowInTheSchoolMeans()
    {
        var study = sample.Study;
        var wave = 0;
        var waveId = study.Waves[wave].Id.Value;
        var leaves = sample.LeafScales.ToArray();
        // School means per leaf scale, in person-SD units.
        var sums = new double[study.Schools.Count, leaves.Length];
        var counts = new int[study.Schools.Count, leaves.Length];
        var all = leaves.Select(_ => new List<double>()).ToArray();
        for (var r = 0; r < sample.Table.Count; r++)
        {
            if (sample.Table.Waves[r] != wave) continue;
            for (var l = 0; l < leaves.Length; l++)
                if (sample.Score(leaves[l], r) is var s && !double.IsNaN(s))
                {
                    sums[sample.Table.Schools[r], l] += s;
                    counts[sample.Table.Schools[r], l]++;
                    all[l].Add(s);
                }
        }
        var sd = all.Select(GeneratedSample.StandardDeviation).ToArray();
        double GroupMean(string profile, int leaf)
        {
            var means = study.Schools.Select((school, s) => (school, s))
                .Where(p => sample.Profiles[p.school.Id.Value][waveId] == profile && counts[p.s, leaf] >= 5)
                .Select(p => sums[p.s, leaf] / counts[p.s, leaf] / sd[leaf]).ToArray();
            Assert.True(means.Length >= 10, $"Only {means.Length} schools with profile '{profile}'");
            return means.Average();
        }

        var profiles = sample.Profiles.Values.Select(p => p[waveId]).Distinct().Order().ToArray();
        output.WriteLine(string.Join(", ", profiles));
        Assert.Contains("reference", profiles);
        Assert.Contains("high on every scale", profiles);
        for (var l = 0; l < leaves.Length; l++)
        {
            var reference = GroupMean("reference", l);
            var high = GroupMean("high on every scale", l);
            output.WriteLine($"{leaves[l].Id,-16} high − reference = {high - reference:F2} SD");
            Assert.True(high - reference > 0.3, $"{leaves[l].Id}: high − reference = {high - reference:F2} SD");
        }
        foreach (var instrument in study.Instruments.Take(2))
        {
            var low = $"low {instrument.Id}";
            Assert.Contains(low, profiles);
            for (var l = 0; l < leaves.Length; l++)
            {
                var difference = GroupMean(low, l) - GroupMean("reference", l);
                var own = leaves[l].Instrument == instrument.Id;
                output.WriteLine($"{low,-26} {leaves[l].Id,-16} − reference = {difference:F2} SD");
                if (own) Assert.True(difference < -0.4, $"{low} on {leaves[l].Id}: {difference:F2} SD");
                else Assert.True(difference > -0.2, $"{low} on {leaves[l].Id}: {difference:F2} SD");
            }
        }
    }

    [Fact]
    public void LeadersSeeMoreSharedLeadershipThanTeachers()
    {
        var scale = sample.Study.FindScale(new Monitoring.Core.Instruments.ScaleId("participatie"))!;
        var leader = sample.Study.Roles.ToList().FindIndex(r => r.Id.Value == "leader");
        var teacher = sample.Study.Roles.ToList().FindIndex(r => r.Id.Value == "teacher");
        var (leaders, teachers) = (new List<double>(), new List<double>());
        for (var r = 0; r < sample.Table.Count; r++)
            if (sample.Score(scale, r) is var s && !double.IsNaN(s))
                (sample.Table.Roles[r] == leader ? leaders : sample.Table.Roles[r] == teacher ? teachers : []).Add(s);

        var difference = (leaders.Average() - teachers.Average()) / GeneratedSample.StandardDeviation(teachers);
        output.WriteLine($"leaders − teachers = {difference:F2} SD (n = {leaders.Count}, {teachers.Count})");
        Assert.True(teachers.Count > 5 * leaders.Count);
        Assert.True(difference > 0.2, $"leaders − teachers = {difference:F2} SD");
    }

    [Fact]
    public void ScalesOfDifferentInstrumentsCorrelatePositively()
    {
        var wellBeing = sample.Study.FindScale(new Monitoring.Core.Instruments.ScaleId("welbevinden"))!;
        var vigor = sample.Study.FindScale(new Monitoring.Core.Instruments.ScaleId("vitaliteit"))!;
        var (x, y) = (new List<double>(), new List<double>());
        for (var r = 0; r < sample.Table.Count; r++)
            if (sample.Score(wellBeing, r) is var a && sample.Score(vigor, r) is var b && !double.IsNaN(a) && !double.IsNaN(b))
            {
                x.Add(a);
                y.Add(b);
            }

        var correlation = GeneratedSample.Correlation(x, y);
        output.WriteLine($"r(welbevinden, vitaliteit) = {correlation:F3}");
        Assert.InRange(correlation, 0.1, 0.9);
    }

    [Fact]
    public void LinkageCodesFollowSomeRespondentsAcrossWavesWithinTheirSchool()
    {
        var table = sample.Table;
        var byCode = new Dictionary<string, List<(int School, int Wave)>>();
        var unlinked = 0;
        for (var r = 0; r < table.Count; r++)
        {
            if (table.Linkage[r] is not { } code) { unlinked++; continue; }
            (byCode.TryGetValue(code, out var list) ? list : byCode[code] = []).Add((table.Schools[r], table.Waves[r]));
        }
        var followed = byCode.Values.Count(v => v.Select(p => p.Wave).Distinct().Count() >= 2);
        var acrossAllWaves = byCode.Values.Count(v => v.Select(p => p.Wave).Distinct().Count() == sample.Study.Waves.Count);
        output.WriteLine($"{byCode.Count} codes, {followed} in 2+ waves, {acrossAllWaves} in all; {unlinked} rows without a code");

        Assert.All(byCode, p => Assert.Single(p.Value.Select(v => v.School).Distinct()));
        Assert.All(byCode.Keys, code => Assert.Matches("^[0-9a-f]{32}$", code));
        Assert.True(followed > byCode.Count / 5, $"{followed} of {byCode.Count} codes in two or more waves");
        Assert.True(acrossAllWaves > 0);
        Assert.InRange(unlinked, table.Count / 10, table.Count / 2);
    }

    [Fact]
    public void DuplicateSubmissionsArePlantedBothAsResentIdsAndAsTheSamePersonAgain()
    {
        var table = sample.Table;
        var resent = Enumerable.Range(0, table.Count).GroupBy(r => table.ResponseIds[r]).Count(g => g.Count() > 1);
        var again = Enumerable.Range(0, table.Count).Where(r => table.Linkage[r] is not null)
            .GroupBy(r => (table.Linkage[r], table.Schools[r], table.Waves[r]))
            .Count(g => g.Select(r => table.ResponseIds[r]).Distinct().Count() > 1);
        output.WriteLine($"{resent} resent ids, {again} linkage codes submitted twice in one wave");

        Assert.InRange(resent, 10, table.Count / 20);
        Assert.InRange(again, 10, table.Count / 20);
    }

    [Fact]
    public void CarelessRespondentsAndDropoutsArePlantedInSmallShares()
    {
        var table = sample.Table;
        var study = sample.Study;
        int speeders = 0, straight = 0, incomplete = 0;
        for (var r = 0; r < table.Count; r++)
        {
            var items = study.ItemsOf(study.Waves[table.Waves[r]]).Select(i => sample.Answer(i, r, recode: false)).ToArray();
            var answered = items.Where(v => !double.IsNaN(v)).ToArray();
            if (answered.Length < items.Length / 2) incomplete++;
            if (answered.Length > 0 && (table.Submitted[r] - table.Started[r]).TotalSeconds / answered.Length < 1) speeders++;
            var draagkracht = study.FindScale(new Monitoring.Core.Instruments.ScaleId("draagkracht"))!.Items
                .Select(id => sample.Answer(study.FindItem(id)!, r, recode: false)).Where(v => !double.IsNaN(v)).ToArray();
            if (draagkracht.Length == 6 && draagkracht.Distinct().Count() == 1 && answered.Length >= 20 && answered.Distinct().Count() <= 2) straight++;
        }
        output.WriteLine($"speeders {speeders}, straight-liners {straight}, incomplete {incomplete} of {table.Count}");

        Assert.InRange(speeders, table.Count / 200, table.Count / 20);
        Assert.InRange(straight, table.Count / 400, table.Count / 20);
        Assert.InRange(incomplete, table.Count / 200, table.Count / 20);
    }

    // ---- Scaling ----

    [Fact]
    public async Task ForSizeKeepsTheStudyWhenItsSchoolsCanHoldTheRows()
    {
        var study = await SampleStudy.LoadAsync();

        var generator = ResponseGenerator.ForSize(study, new GeneratorOptions { Responses = 1000 });

        Assert.Same(study, generator.Study);
        Assert.True(generator.Capacity > 1000);
    }

    [Fact]
    public async Task ForSizeScalesTheStudyUpWhenTheRowsExceedItsCapacity()
    {
        var original = sample.Original;
        var capacity = new ResponseGenerator(original, new GeneratorOptions { Responses = GeneratedSample.Rows, Seed = GeneratedSample.Seed }).Capacity;
        var factor = (int)Math.Ceiling(GeneratedSample.Rows / capacity);
        var scaled = sample.Study;
        output.WriteLine($"capacity {capacity:F0}, factor {factor}");

        Assert.True(factor >= 2);
        Assert.Equal(original.Networks.Count * factor, scaled.Networks.Count);
        Assert.Equal(original.Schools.Count * factor, scaled.Schools.Count);
        Assert.Equal(scaled.Schools.Count, scaled.Schools.Select(s => s.Id).Distinct().Count());
        Assert.All(scaled.Networks, n => Assert.True(n.Schools.Count >= Network.MinimumSchools));
        Assert.Contains(scaled.Networks, n => n.Id.Value == "gent-samen-aan-de-poort-r2");
        Assert.Contains(scaled.Schools, s => s.Id.Value == $"gent-dko-01-r{factor}");
        Assert.Equal(original.Waves, scaled.Waves);
        Assert.Equal(original.Items, scaled.Items);
        Assert.True(sample.Generator.Capacity >= GeneratedSample.Rows);
        var usedSchools = Enumerable.Range(0, sample.Table.Count).Select(r => sample.Table.Schools[r]).Distinct().Count();
        Assert.True(usedSchools > original.Schools.Count, $"Responses come from {usedSchools} schools");

        // The scaled organisation, written next to the definition, loads back valid and reads the responses.
        var directory = Path.Combine(Path.GetTempPath(), "monitoring-tests", Guid.NewGuid().ToString("N"));
        try
        {
            CopyDirectory(SampleStudy.Directory, directory);
            await using (var file = File.Create(Path.Combine(directory, "organisation.json")))
                await OrganisationWriter.WriteAsync(scaled, file);
            var loaded = await StudyDefinitionLoader.LoadAsync(directory);

            Assert.Empty(loaded.Problems);
            Assert.Equal(scaled.Networks.Select(n => n.Id), loaded.Study!.Networks.Select(n => n.Id));
            Assert.Equal(scaled.Schools.Select(s => s.Id), loaded.Study.Schools.Select(s => s.Id));
            var reread = await new RawResponseReader(loaded.Study).ReadAsync(new MemoryStream(sample.Csv), "generated");
            Assert.Equal(sample.Read.Problems.Count, reread.Problems.Count);
            Assert.Equal(sample.Table.Count, reread.Table.Count);
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(source)) CopyDirectory(dir, Path.Combine(target, Path.GetFileName(dir)));
    }
}
