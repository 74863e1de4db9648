using System.Text;
using Monitoring.Analysis.Scoring;

namespace Monitoring.Analysis.Datasets;

/// <summary>
/// panel_wide.csv: one row per linked respondent (a linkage code), with wave-suffixed scale columns
/// (<c>{scale}_{wave}</c>), ordered by code (<see cref="PanelLinks"/>). A code that occurs twice in one
/// wave (two schools, or a duplicate the cleaning kept) cannot be told apart and is left out (counted in
/// the return value). Rows are formatted on several threads and written in code order.
/// </summary>
internal static class PanelWriter
{
    /// <summary>Writes the panel and returns (respondents written, ambiguous codes left out).</summary>
    public static (int Respondents, int Ambiguous) Write(string path, ScoredResponses scored)
    {
        var study = scored.Table.Study;
        var waves = study.Waves.Count;
        var scales = study.Scales.Count;
        var links = PanelLinks.Of(scored);
        var rows = Gather(scored, links);
        var texts = new StudyTexts(study);
        var names = (from scale in study.Scales from wave in study.Waves select DatasetColumns.PanelScore(scale.Id.Value, wave.Id.Value)).ToArray();

        using var csv = CsvFiles.Create(path);
        foreach (var name in DatasetColumns.PanelFixed) csv.WriteField(name);
        foreach (var name in names) csv.WriteField(name);
        csv.EndRecord();
        CsvFiles.Rows(csv, links.Count, (writer, i) =>
        {
            var school = rows.School[i];
            links.WriteCode(writer, i);
            writer.WriteField(texts.Schools[school]);
            writer.WriteField(texts.Networks[school]);
            writer.WriteField(texts.Trajectories[school]);
            writer.WriteField(texts.Roles[rows.Role[i]]);
            writer.WriteField(rows.Waves[i]);
            var scoreTexts = ScoreTexts.Current;
            var first = i * waves * scales;
            for (var s = 0; s < scales; s++)
                for (var w = 0; w < waves; w++)
                    scoreTexts.Write(writer, rows.Scores[first + (w * scales) + s]);
            writer.EndRecord();
        });
        return (links.Count, links.Ambiguous);
    }

    /// <summary>What the rows show, in code order.</summary>
    /// <param name="School">[code]: the school (index) of the code's latest response.</param>
    /// <param name="Role">[code]: the role (index) of the code's latest response.</param>
    /// <param name="Waves">[code]: the "waves" field, the ids of the waves with a response.</param>
    /// <param name="Scores">[(code × waves + wave) × scales + scale]: the scores, NaN for a wave without a response.</param>
    private sealed record Rows(int[] School, int[] Role, byte[][] Waves, float[] Scores);

    /// <summary>
    /// Collects what the rows show before they are formatted: they read responses scattered over the table, and
    /// each read cost a cache miss inside the formatting loop; here the scores are first laid out response by
    /// response in one sequential pass, so that a respondent's wave is one read.
    /// </summary>
    private static Rows Gather(ScoredResponses scored, PanelLinks links)
    {
        var table = scored.Table;
        var study = table.Study;
        var waves = study.Waves.Count;
        var scales = study.Scales.Count;
        var rows = scored.Rows;
        var byResponse = new float[rows.Length * scales];
        var whoByResponse = new (int School, int Role)[rows.Length];
        for (var k = 0; k < rows.Length; k++)
        {
            var r = rows[k];
            for (var s = 0; s < scales; s++) byResponse[(k * scales) + s] = scored.Scores[s][r];
            whoByResponse[k] = (table.Schools[r], table.Roles[r]);
        }

        var gathered = new Rows(new int[links.Count], new int[links.Count], new byte[links.Count][], new float[links.Kept.Length * scales]);
        var waveSets = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var waveSetOf = waveSets.GetAlternateLookup<ReadOnlySpan<char>>();
        var present = new char[waves];
        for (var i = 0; i < links.Count; i++)
        {
            var latest = -1;
            for (var w = 0; w < waves; w++)
            {
                var k = links.Kept[(i * waves) + w];
                present[w] = k >= 0 ? '1' : '0';
                var slot = gathered.Scores.AsSpan(((i * waves) + w) * scales, scales);
                if (k < 0) slot.Fill(float.NaN);
                else
                {
                    byResponse.AsSpan(k * scales, scales).CopyTo(slot);
                    latest = k;
                }
            }
            (gathered.School[i], gathered.Role[i]) = whoByResponse[latest];
            if (!waveSetOf.TryGetValue(present, out var text))
            {
                var pattern = new string(present);
                text = Encoding.UTF8.GetBytes(string.Join(" ", Enumerable.Range(0, waves).Where(w => pattern[w] == '1').Select(w => study.Waves[w].Id.Value)));
                waveSets[pattern] = text;
            }
            gathered.Waves[i] = text;
        }
        return gathered;
    }
}
