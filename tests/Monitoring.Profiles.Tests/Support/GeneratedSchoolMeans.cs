using System.Globalization;
using CsvHelper;
using Monitoring.Analysis.Synthetic;
using Monitoring.Core.Instruments;
using Monitoring.Core.Responses;
using Monitoring.Core.Results;
using Monitoring.Core.Studies;

namespace Monitoring.Profiles.Tests.Support;

/// <summary>
/// School means computed straight from generated raw responses, independently of the batch: reverse-keyed
/// items recoded (min + max − x), a leaf-scale score as the mean of its answered items when at least its
/// minimum are answered, and a school's mean per wave over its respondents. Malformed values count as
/// missing and rows with an unknown school or wave are skipped; no careless-response cleaning.
/// </summary>
internal sealed record GeneratedSchoolMeans(Study Study, IReadOnlyList<SchoolMean> Means, IReadOnlyDictionary<(SchoolId School, WaveId Wave), int> Planted)
{
    public static async Task<GeneratedSchoolMeans> CreateAsync(int responses, int seed)
    {
        var generator = ResponseGenerator.ForSize(await SampleStudy.GetAsync(), new GeneratorOptions { Responses = responses, Seed = seed });
        using var raw = new MemoryStream();
        await generator.WriteAsync(raw);
        using var planted = new MemoryStream();
        await generator.WritePlantedProfilesAsync(planted);
        return new GeneratedSchoolMeans(generator.Study, Score(generator.Study, raw.ToArray()), ReadPlanted(planted.ToArray()));
    }

    private static List<SchoolMean> Score(Study study, byte[] csvBytes)
    {
        var leaves = study.Scales.Where(s => !study.Scales.Any(c => c.Parent == s.Id)).ToArray();
        var schoolIndex = study.Schools.Select((s, i) => (s.Id.Value, i)).ToDictionary(p => p.Value, p => p.i);
        var waveIndex = study.Waves.Select((w, i) => (w.Id.Value, i)).ToDictionary(p => p.Value, p => p.i);
        var sums = new double[study.Waves.Count, study.Schools.Count, leaves.Length];
        var counts = new int[study.Waves.Count, study.Schools.Count, leaves.Length];
        var seen = new bool[study.Waves.Count, study.Schools.Count];

        using var csv = CsvReader.Create(csvBytes, CsvReaderOptions.Default);
        var headers = csv.Headers;
        var column = headers.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => p.i);
        var itemColumns = leaves.Select(s => s.Items.Select(id => (Column: column[id.Value], Item: study.FindItem(id)!)).ToArray()).ToArray();
        while (csv.Read())
        {
            if (!schoolIndex.TryGetValue(csv.GetString(column[RawResponseColumns.School]), out var s)) continue;
            if (!waveIndex.TryGetValue(csv.GetString(column[RawResponseColumns.Wave]), out var w)) continue;
            seen[w, s] = true;
            for (var l = 0; l < leaves.Length; l++)
            {
                double total = 0;
                var answered = 0;
                foreach (var (col, item) in itemColumns[l])
                {
                    if (!int.TryParse(csv.GetString(col), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) continue;
                    if (value < item.Format.Min || value > item.Format.Max) continue;
                    total += item.IsReverseKeyed ? item.Format.Min + item.Format.Max - value : value;
                    answered++;
                }
                if (answered < leaves[l].MinAnsweredItems) continue;
                sums[w, s, l] += total / answered;
                counts[w, s, l]++;
            }
        }

        var means = new List<SchoolMean>();
        for (var s = 0; s < study.Schools.Count; s++)
            for (var w = 0; w < study.Waves.Count; w++)
            {
                if (!seen[w, s]) continue;
                for (var l = 0; l < leaves.Length; l++)
                    means.Add(new SchoolMean(study.Schools[s].Id, study.Waves[w].Id, leaves[l].Id, counts[w, s, l],
                        counts[w, s, l] == 0 ? double.NaN : sums[w, s, l] / counts[w, s, l]));
            }
        return means;
    }

    private static Dictionary<(SchoolId, WaveId), int> ReadPlanted(byte[] csvBytes)
    {
        using var csv = CsvReader.Create(csvBytes, CsvReaderOptions.Default);
        var column = csv.Headers.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => p.i);
        var planted = new Dictionary<(SchoolId, WaveId), int>();
        while (csv.Read())
            planted[(new SchoolId(csv.GetString(column["school"])), new WaveId(csv.GetString(column["wave"])))] =
                int.Parse(csv.GetString(column["profile"]), CultureInfo.InvariantCulture);
        return planted;
    }
}
