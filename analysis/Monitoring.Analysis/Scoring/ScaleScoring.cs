using Monitoring.Analysis.Cleaning;
using Monitoring.Analysis.Responses;
using Monitoring.Core.Instruments;

namespace Monitoring.Analysis.Scoring;

/// <summary>
/// Scores the kept responses: reverse-keyed items are recoded with their declared bounds
/// (x' = min + max − x); a scale's score is the mean of its answered items (or that mean times
/// the number of items, for <see cref="ScoringMethod.Sum"/>) when at least
/// <see cref="Scale.MinAnsweredItems"/> are answered, else missing.
/// </summary>
public static class ScaleScoring
{
    /// <summary>Scores the rows of <paramref name="table"/> that <paramref name="cleaning"/> keeps.</summary>
    public static ScoredResponses Apply(ResponseTable table, CleaningResult cleaning)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(cleaning);
        var study = table.Study;
        var rows = new int[cleaning.KeptCount];
        for (int r = 0, k = 0; r < table.Count; r++)
            if (cleaning.Kept[r]) rows[k++] = r;

        var items = study.Items;
        var recoded = new float[items.Count][];
        Parallel.For(0, items.Count, j =>
        {
            var source = table.Answers[j];
            var target = new float[rows.Length];
            var item = items[j];
            var sum = (float)(item.Format.Min + item.Format.Max);
            if (item.IsReverseKeyed)
                for (var k = 0; k < rows.Length; k++) target[k] = sum - source[rows[k]];
            else
                for (var k = 0; k < rows.Length; k++) target[k] = source[rows[k]];
            recoded[j] = target;
        });

        var itemIndex = items.Select((item, j) => (item.Id, j)).ToDictionary(p => p.Id, p => p.j);
        var scales = study.Scales;
        var scores = new float[scales.Count][];
        Parallel.For(0, scales.Count, s =>
        {
            var scale = scales[s];
            var columns = scale.Items.Select(i => recoded[itemIndex[i]]).ToArray();
            var minimum = scale.MinAnsweredItems;
            var factor = scale.Scoring == ScoringMethod.Sum ? scale.Items.Count : 1;
            var score = new float[rows.Length];
            for (var k = 0; k < rows.Length; k++)
            {
                double total = 0;
                var answered = 0;
                foreach (var column in columns)
                {
                    var v = column[k];
                    if (float.IsNaN(v)) continue;
                    total += v;
                    answered++;
                }
                score[k] = answered >= minimum ? (float)(total / answered * factor) : float.NaN;
            }
            scores[s] = score;
        });
        return new ScoredResponses(table, rows, recoded, scores);
    }
}
