using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using Monitoring.Analysis.Responses;
using Monitoring.Core.Responses;
using Monitoring.Core.Settings;

namespace Monitoring.Analysis.Cleaning;

/// <summary>
/// Applies the study's cleaning rules (docs/methods.md, "Cleaning") to a table of readable responses:
/// outside window (on the server's receive time when the source has it), then too incomplete, speeders (only
/// when the device's times are plausible, <see cref="ResponseRules.DeviceTimesArePlausible"/>) and straight-liners,
/// and last duplicates among the responses still kept, so that the kept copy of a duplicate is a valid one.
/// Each rule can be switched off in the study's analysis settings. Never throws on bad data; every exclusion is returned.
/// </summary>
public static class ResponseCleaning
{
    /// <summary>Which rows are kept (<c>true</c>) and the exclusions, in source-row order.</summary>
    public static CleaningResult Apply(ResponseTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var study = table.Study;
        var settings = study.Analysis.Cleaning;
        var n = table.Count;
        var kept = new bool[n];
        Array.Fill(kept, true);
        var rule = new CleaningRule?[n];
        var detail = new string?[n];

        void Exclude(int row, CleaningRule why, string text)
        {
            kept[row] = false;
            rule[row] = why;
            detail[row] = text;
        }

        // Every rule but duplicates judges a row on its own, so rows are split over the cores.
        var ranges = n == 0 ? Partitioner.Create(Array.Empty<Tuple<int, int>>()) : Partitioner.Create(0, n, Math.Max(4096, (n / (4 * Environment.ProcessorCount)) + 1));
        var windowTimes = table.WindowTimes;
        var windowTime = table.Received is null ? "submitted" : "received";
        if (settings.OutsideWindow)
            Parallel.ForEach(ranges, range =>
            {
                for (var r = range.Item1; r < range.Item2; r++)
                {
                    var wave = study.Waves[table.Waves[r]];
                    if (!wave.IsOpenAt(windowTimes[r]))
                        Exclude(r, CleaningRule.OutsideWindow,
                            $"{windowTime} {windowTimes[r]:yyyy-MM-dd'T'HH:mm:sszzz}; window {wave.Opens:yyyy-MM-dd'T'HH:mm:sszzz} to {wave.Closes:yyyy-MM-dd'T'HH:mm:sszzz}");
                }
            });

        var items = study.Items;
        var answers = table.Answers;
        var waveItems = study.Waves.Select(w => items.Select((item, j) => (item, j)).Where(p => w.Instruments.Contains(p.item.Instrument)).Select(p => p.j).ToArray()).ToArray();
        // The batteries a straight-liner is judged on: each instrument that has reverse-keyed items.
        var batteries = study.Instruments
            .Where(i => i.Items.Any(item => item.IsReverseKeyed))
            .Select(i => (Instrument: i.Id, Items: items.Select((item, j) => (item, j)).Where(p => p.item.Instrument == i.Id).Select(p => p.j).ToArray()))
            .ToArray();
        var batteryInWave = study.Waves.Select(w => batteries.Select(b => w.Instruments.Contains(b.Instrument)).ToArray()).ToArray();
        var codes = answers.Codes;
        var decode = answers.Coding.Decode;
        var wide = answers.WideValues;
        var k = answers.ItemCount;
        var unjudgedSpeed = 0;
        Parallel.ForEach(ranges, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (range) =>
        {
            for (var r = range.Item1; r < range.Item2; r++)
            {
                if (!kept[r]) continue;
                var wave = table.Waves[r];
                var answered = 0;
                var at = r * k;
                foreach (var j in waveItems[wave])
                    if (!float.IsNaN(AnswerMatrix.Read(wide, decode, codes, r, at, j))) answered++;
                var total = waveItems[wave].Length;
                if (settings.Incomplete && answered < settings.MinAnsweredShare * total)
                {
                    Exclude(r, CleaningRule.Incomplete, $"{answered} of {total} items answered (minimum share {Text(settings.MinAnsweredShare)})");
                    continue;
                }
                var seconds = (table.Submitted[r] - table.Started[r]).TotalSeconds;
                if (settings.Speeders && answered > 0 && !ResponseRules.DeviceTimesArePlausible(table.Started[r], table.Submitted[r], windowTimes[r]))
                    Interlocked.Increment(ref unjudgedSpeed);
                else if (settings.Speeders && answered > 0 && seconds / answered < settings.MinSecondsPerItem)
                {
                    Exclude(r, CleaningRule.Speeder, $"{Text(seconds)} s for {answered} items = {Text(seconds / answered)} s per item (minimum {Text(settings.MinSecondsPerItem)})");
                    continue;
                }
                if (settings.StraightLiners)
                    for (var b = 0; b < batteries.Length; b++)
                    {
                        if (!batteryInWave[wave][b]) continue;
                        var (instrument, battery) = batteries[b];
                        var count = 0;
                        var first = float.NaN;
                        var same = true;
                        foreach (var j in battery)
                        {
                            var v = AnswerMatrix.Read(wide, decode, codes, r, at, j);
                            if (float.IsNaN(v)) continue;
                            if (count++ == 0) first = v;
                            else if (v != first) { same = false; break; }
                        }
                        if (same && count >= settings.StraightLineMinItems)
                        {
                            Exclude(r, CleaningRule.StraightLiner, $"answered {Text(first)} to all {count} answered items of '{instrument}', which has reverse-keyed items (minimum {settings.StraightLineMinItems})");
                            break;
                        }
                    }
            }
        });

        if (settings.Duplicates)
        {
            var ids = table.ResponseIds;
            var linkage = table.Linkage;
            var idHash = new int[n];
            var personHash = new int[n];
            Parallel.ForEach(ranges, range =>
            {
                for (var r = range.Item1; r < range.Item2; r++)
                {
                    idHash[r] = Hash(ids.Bytes(r));
                    if (!linkage.IsNull(r)) personHash[r] = HashCode.Combine(Hash(linkage.Bytes(r)), table.Schools[r], table.Waves[r]);
                }
            });
            // Same response id: keep the last submitted (ties: the later row).
            Repeats(Enumerable.Range(0, n).Where(r => kept[r]).ToArray(), idHash, (a, b) => ids.Bytes(a).SequenceEqual(ids.Bytes(b)), (r, other) =>
            {
                var (loser, winner) = Later(windowTimes, other, r) ? (r, other) : (other, r);
                Exclude(loser, CleaningRule.Duplicate, $"same response id as row {table.SourceRows[winner]}, which was {windowTime} later");
                return winner;
            });
            // Same person (linkage code) in the same school and wave.
            Repeats(Enumerable.Range(0, n).Where(r => kept[r] && !linkage.IsNull(r)).ToArray(), personHash,
                (a, b) => table.Schools[a] == table.Schools[b] && table.Waves[a] == table.Waves[b] && linkage.Bytes(a).SequenceEqual(linkage.Bytes(b)), (r, other) =>
                {
                    var (loser, winner) = Later(windowTimes, other, r) ? (r, other) : (other, r);
                    Exclude(loser, CleaningRule.Duplicate, $"same linkage code, school and wave as row {table.SourceRows[winner]}, which was {windowTime} later");
                    return winner;
                });
        }

        var exclusions = new List<Exclusion>();
        for (var r = 0; r < n; r++)
            if (!kept[r])
                exclusions.Add(new Exclusion(table.SourceRows[r], table.ResponseIds[r], study.Schools[table.Schools[r]].Id.Value,
                    study.Waves[table.Waves[r]].Id.Value, rule[r]!.Value, detail[r]!));
        return new CleaningResult(kept, exclusions) { SpeedNotJudged = unjudgedSpeed };
    }

    /// <summary>Whether row <paramref name="a"/> came after row <paramref name="b"/> by <paramref name="times"/> (ties: the later row wins).</summary>
    private static bool Later(DateTimeOffset[] times, int a, int b) => times[a] > times[b] || (times[a] == times[b] && a > b);

    /// <summary>
    /// Finds the rows of <paramref name="rows"/> (ascending) that share a key with an earlier one, and calls
    /// <paramref name="settle"/>(row, winner so far) for each, in row order; it returns the new winner. An open-addressing
    /// table holds each key's hash and winner (the key's representative for <paramref name="equal"/>): a million rows
    /// take one probe each, where a dictionary of strings took over half a second.
    /// </summary>
    private static void Repeats(int[] rows, int[] hashes, Func<int, int, bool> equal, Func<int, int, int> settle)
    {
        var bits = Math.Max(4, BitOperations.Log2((uint)Math.Max(1, rows.Length)) + 2);
        var slots = new long[1 << bits];
        var mask = slots.Length - 1;
        foreach (var row in rows)
        {
            var hash = hashes[row];
            var slot = (int)(((uint)hash * 2654435769u) >> (32 - bits));
            while (true)
            {
                var entry = slots[slot];
                if (entry == 0)
                {
                    slots[slot] = ((long)hash << 32) | (uint)(row + 1);
                    break;
                }
                var winner = (int)(uint)entry - 1;
                if ((int)(entry >> 32) == hash && equal(winner, row))
                {
                    slots[slot] = ((long)hash << 32) | (uint)(settle(row, winner) + 1);
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
    }

    private static int Hash(ReadOnlySpan<byte> text)
    {
        var hash = default(HashCode);
        hash.AddBytes(text);
        return hash.ToHashCode();
    }

    private static string Text(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);
}
