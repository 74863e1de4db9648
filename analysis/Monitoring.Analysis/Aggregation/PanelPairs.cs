using System.Runtime.CompilerServices;
using Monitoring.Analysis.Responses;
using Monitoring.Analysis.Scoring;
using Monitoring.Analysis.Statistics;
using Monitoring.Core.Results;

namespace Monitoring.Analysis.Aggregation;

/// <summary>
/// The linked respondents of the change estimates: a pair is one linkage code in one school with a kept response in
/// both waves of a comparison. A code that occurs twice in one wave of one school (the cleaning kept two) cannot be
/// told apart and links nothing there; a code in two schools is two people (or one who moved, whose two schools do
/// not compare the same thing). Higher levels pool the pairs of their schools. The kept responses are sorted by a 64-bit
/// FNV-1a hash of (school, code bytes) as primitive keys, never by strings; a run of equal hashes is checked byte by byte.
/// </summary>
internal sealed class PanelPairs
{
    private readonly CoMoments[][][] _moments; // [level][scale][pair * units + unit]
    private readonly int[] _units;

    private PanelPairs(CoMoments[][][] moments, int[] units, int linked)
    {
        _moments = moments;
        _units = units;
        Linked = linked;
    }

    /// <summary>Linked respondents (codes with kept responses in at least two waves of one school).</summary>
    public int Linked { get; }

    /// <summary>The pairs of <paramref name="unit"/> on <paramref name="scale"/> in comparison <paramref name="pair"/>: x = earlier, y = later, both scores present.</summary>
    public CoMoments Of(AggregateLevel level, int scale, int pair, int unit) => _moments[(int)level][scale][(pair * _units[(int)level]) + unit];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static PanelPairs Of(ScoredResponses scored, UnitIndex units, (int From, int To)[] pairs)
    {
        var table = scored.Table;
        var study = table.Study;
        var rows = scored.Rows;
        var waves = study.Waves.Count;
        var scales = study.Scales.Count;
        var schools = study.Schools.Count;
        var linkage = table.Linkage;

        // One 64-bit key per coded response: FNV-1a over the school index and the code's bytes, sorted as primitives.
        var keys = new ulong[rows.Length];
        var order = new int[rows.Length];
        var count = 0;
        for (var k = 0; k < rows.Length; k++)
        {
            var r = rows[k];
            if (linkage.IsNull(r)) continue;
            keys[count] = Fnv(table.Schools[r], linkage.Bytes(r));
            order[count++] = r;
        }
        Array.Sort(keys, order, 0, count);

        // The linked respondents' rows per wave, [person * waves + wave], −1 where absent.
        var people = new List<int>(count);
        var slot = new int[waves];
        for (var start = 0; start < count;)
        {
            var end = start + 1;
            while (end < count && keys[end] == keys[start]) end++;
            if (end - start >= 2)
            {
                // Rows in table order within a run, so that the result does not depend on the sort's tie order.
                Array.Sort(order, start, end - start);
                if (SameCode(table, order, start, end)) Collect(table, order, start, end, slot, people);
                else
                {
                    // A hash collision between different (school, code)s: sort the run by them and group.
                    Array.Sort(order, start, end - start, Comparer<int>.Create((a, b) =>
                        table.Schools[a] != table.Schools[b] ? table.Schools[a].CompareTo(table.Schools[b])
                        : linkage.Bytes(a).SequenceCompareTo(linkage.Bytes(b)) is var c && c != 0 ? c : a.CompareTo(b)));
                    for (var s = start; s < end;)
                    {
                        var e = s + 1;
                        while (e < end && table.Schools[order[e]] == table.Schools[order[s]] && linkage.Bytes(order[e]).SequenceEqual(linkage.Bytes(order[s]))) e++;
                        if (e - s >= 2) Collect(table, order, s, e, slot, people);
                        s = e;
                    }
                }
            }
            start = end;
        }

        var persons = people.Count / waves;
        var levels = new CoMoments[4][][];
        var sizes = new int[4];
        for (var l = 0; l < 4; l++)
        {
            sizes[l] = units.Ids[(AggregateLevel)l].Length;
            levels[l] = new CoMoments[scales][];
        }
        var who = people.ToArray();
        Parallel.For(0, scales, s =>
        {
            var score = scored.Scores[s];
            var school = new CoMoments[pairs.Length * schools];
            for (var p = 0; p < persons; p++)
            {
                var at = p * waves;
                for (var q = 0; q < pairs.Length; q++)
                {
                    int a = who[at + pairs[q].From], b = who[at + pairs[q].To];
                    if (a < 0 || b < 0) continue;
                    float x = score[a], y = score[b];
                    if (float.IsNaN(x) || float.IsNaN(y)) continue;
                    ref var m = ref school[(q * schools) + table.Schools[a]];
                    m = m.Add(x, y);
                }
            }
            levels[0][s] = school;
            for (var l = 1; l < 4; l++)
            {
                var parents = units.Parents((AggregateLevel)(l - 1));
                var pooled = new CoMoments[pairs.Length * sizes[l]];
                for (var q = 0; q < pairs.Length; q++)
                    for (var c = 0; c < sizes[l - 1]; c++)
                    {
                        ref var target = ref pooled[(q * sizes[l]) + parents[c]];
                        target = CoMoments.Combine(target, levels[l - 1][s][(q * sizes[l - 1]) + c]);
                    }
                levels[l][s] = pooled;
            }
        });
        return new PanelPairs(levels, sizes, persons);
    }

    /// <summary>Adds the rows [start, end) of <paramref name="order"/> (one code in one school) as one person, unless it has two responses in one wave.</summary>
    private static void Collect(ResponseTable table, int[] order, int start, int end, int[] slot, List<int> people)
    {
        Array.Fill(slot, -1);
        for (var i = start; i < end; i++)
        {
            var w = table.Waves[order[i]];
            if (slot[w] >= 0) return;
            slot[w] = order[i];
        }
        foreach (var row in slot) people.Add(row);
    }

    private static bool SameCode(ResponseTable table, int[] order, int start, int end)
    {
        var linkage = table.Linkage;
        var school = table.Schools[order[start]];
        var first = linkage.Bytes(order[start]);
        for (var i = start + 1; i < end; i++)
            if (table.Schools[order[i]] != school || !linkage.Bytes(order[i]).SequenceEqual(first)) return false;
        return true;
    }

    private static ulong Fnv(int school, ReadOnlySpan<byte> bytes)
    {
        var hash = 14695981039346656037UL;
        for (var i = 0; i < 4; i++) hash = (hash ^ (byte)(school >> (8 * i))) * 1099511628211UL;
        foreach (var b in bytes) hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }
}
