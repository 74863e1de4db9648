using System.Runtime.CompilerServices;
using Monitoring.Analysis.Cleaning;
using Monitoring.Analysis.Responses;
using Monitoring.Core.Instruments;

namespace Monitoring.Analysis.Scoring;

/// <summary>
/// Scores the kept responses: reverse-keyed items are recoded with their declared bounds
/// (x' = min + max − x, read through the item's recoding: the table's answers stay as given); a scale's score is the mean of its answered items (or that mean times
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
        var answers = table.Answers;
        var recoded = answers.RecodedColumns(items);
        var recodedWide = new float[]?[items.Count];
        for (var j = 0; j < items.Count; j++)
            if (answers.WideValues[j] is not null) recodedWide[j] = items[j].IsReverseKeyed ? Values(recoded[j]) : answers.WideValues[j];

        var itemIndex = items.Select((item, j) => (item.Id, j)).ToDictionary(p => p.Id, p => p.j);
        var scales = study.Scales;
        var scores = new float[scales.Count][];
        Parallel.For(0, scales.Count, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (s) =>
        {
            var scale = scales[s];
            var columns = scale.Items.Select(i => itemIndex[i]).ToArray();
            var minimum = scale.MinAnsweredItems;
            var factor = scale.Scoring == ScoringMethod.Sum ? scale.Items.Count : 1;
            var score = new float[table.Count];
            Array.Fill(score, float.NaN);
            var codes = answers.Codes;
            var decode = answers.Coding.Recode;
            var wide = recodedWide;
            var itemCount = answers.ItemCount;
            foreach (var k in rows)
            {
                double total = 0;
                var answered = 0;
                var at = k * itemCount;
                foreach (var j in columns)
                {
                    var v = AnswerMatrix.Read(wide, decode, codes, k, at, j);
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

    private static float[] Values(ItemColumn column)
    {
        var values = new float[column.Length];
        column.CopyTo(0, values);
        return values;
    }
}
