using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using Monitoring.Analysis.Cleaning;
using Monitoring.Analysis.Responses;
using Monitoring.Core.Privacy;
using Monitoring.Core.Results;
using Monitoring.Core.Studies;

namespace Monitoring.Analysis.Datasets;

/// <summary>The small result tables: aggregates, reliability, item statistics, change, ICC, response rates, cleaning log.</summary>
internal static class ResultTablesWriter
{
    /// <summary>
    /// aggregates.csv; its rows (one per unit, wave and scale) are formatted on several threads, by a method compiled
    /// optimised at once: it runs once per batch, and while it tiered up that one call took 1.5 to 1.8 times as long as later calls.
    /// </summary>
    public static void Aggregates(string path, BatchResults results)
    {
        var names = UnitNames(results.Study);
        var aggregates = results.Aggregates;
        using var csv = CsvFiles.Create(path);
        CsvFiles.Header(csv, DatasetColumns.Aggregates);
        CsvFiles.Rows(csv, aggregates.Count, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (CsvWriter writer, int i) =>
        {
            var a = aggregates[i];
            writer.WriteField(Level(a.Level));
            writer.WriteField(a.Unit.Value);
            writer.WriteField(names[(int)a.Level][a.Unit.Value]);
            writer.WriteField(a.Wave.Value);
            writer.WriteField(a.Scale.Value);
            var e = a.Estimate;
            if (e is null) writer.WriteField(ReadOnlySpan<byte>.Empty);
            else CsvFiles.Count(writer, e.N);
            CsvFiles.Number(writer, e?.Mean);
            CsvFiles.Number(writer, e?.StandardDeviation);
            CsvFiles.Number(writer, e?.StandardError);
            CsvFiles.Number(writer, e?.Lower);
            CsvFiles.Number(writer, e?.Upper);
            CsvFiles.Bool(writer, a.Suppressed);
            writer.WriteField(Reason(a.Disclosure));
            writer.EndRecord();
        });
    }

    public static void Reliability(string reliabilityPath, string itemPath, BatchResults results)
    {
        using (var csv = CsvFiles.Create(reliabilityPath))
        {
            CsvFiles.Header(csv, DatasetColumns.Reliability);
            foreach (var r in results.Reliability)
            {
                csv.WriteField(r.Scale.Value);
                csv.WriteField(r.Wave.Value);
                csv.WriteField(r.N);
                csv.WriteField(r.K);
                CsvFiles.Number(csv, r.RawAlpha);
                CsvFiles.Number(csv, r.StandardizedAlpha);
                CsvFiles.Number(csv, r.MeanInterItemCorrelation);
                CsvFiles.Number(csv, r.Omega);
                csv.WriteField(r.OmegaN);
                csv.EndRecord();
            }
        }
        using var items = CsvFiles.Create(itemPath);
        CsvFiles.Header(items, DatasetColumns.ItemStatistics);
        foreach (var r in results.Reliability)
            foreach (var i in r.Items)
            {
                items.WriteField(r.Scale.Value);
                items.WriteField(r.Wave.Value);
                items.WriteField(i.Item.Value);
                items.WriteField(i.N);
                CsvFiles.Number(items, i.AlphaIfDeleted);
                CsvFiles.Number(items, i.CorrectedItemTotalCorrelation);
                items.EndRecord();
            }
    }

    /// <summary>change.csv; its rows (one per unit, scale and pair of waves) are formatted on several threads, as <see cref="Aggregates"/>.</summary>
    public static void Change(string path, BatchResults results)
    {
        var changes = results.Changes;
        using var csv = CsvFiles.Create(path);
        CsvFiles.Header(csv, DatasetColumns.Change);
        CsvFiles.Rows(csv, changes.Count, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (CsvWriter writer, int i) =>
        {
            var c = changes[i];
            writer.WriteField(Level(c.Level));
            writer.WriteField(c.Unit.Value);
            writer.WriteField(c.Scale.Value);
            writer.WriteField(c.From.Value);
            writer.WriteField(c.To.Value);
            if (c.Suppressed)
            {
                writer.WriteField(ReadOnlySpan<byte>.Empty);
                writer.WriteField(ReadOnlySpan<byte>.Empty);
            }
            else
            {
                CsvFiles.Count(writer, c.NFrom);
                CsvFiles.Count(writer, c.NTo);
            }
            CsvFiles.Number(writer, c.MeanFrom);
            CsvFiles.Number(writer, c.MeanTo);
            CsvFiles.Number(writer, c.Difference);
            CsvFiles.Number(writer, c.Lower);
            CsvFiles.Number(writer, c.Upper);
            CsvFiles.Number(writer, c.CohensD);
            CsvFiles.Bool(writer, c.Suppressed);
            if (c.Panel is { PairsShown: true } p) CsvFiles.Count(writer, p.Pairs);
            else writer.WriteField(ReadOnlySpan<byte>.Empty);
            CsvFiles.Number(writer, c.Panel?.StandardError);
            CsvFiles.Number(writer, c.Panel?.DegreesOfFreedom);
            CsvFiles.Number(writer, c.Panel?.Lower);
            CsvFiles.Number(writer, c.Panel?.Upper);
            CsvFiles.Number(writer, c.Panel?.HedgesG);
            CsvFiles.Number(writer, c.Linked?.MeanDifference);
            CsvFiles.Number(writer, c.Linked?.Lower);
            CsvFiles.Number(writer, c.Linked?.Upper);
            CsvFiles.Number(writer, c.Linked?.CohensDz);
            CsvFiles.Number(writer, c.Linked?.CohensDav);
            writer.EndRecord();
        });
    }

    /// <summary>aggregates_clustered.csv: the cluster-aware intervals of the network, trajectory and study aggregates.</summary>
    public static void Clustered(string path, BatchResults results)
    {
        using var csv = CsvFiles.Create(path);
        CsvFiles.Header(csv, DatasetColumns.Clustered);
        foreach (var c in results.Clustered)
        {
            csv.WriteField(Level(c.Level));
            csv.WriteField(c.Unit.Value);
            csv.WriteField(c.Wave.Value);
            csv.WriteField(c.Scale.Value);
            if (c.Suppressed) csv.WriteField("");
            else csv.WriteField(c.Schools);
            CsvFiles.Number(csv, c.Icc1);
            CsvFiles.Number(csv, c.DesignEffect);
            CsvFiles.Number(csv, c.StandardError);
            CsvFiles.Number(csv, c.Lower);
            CsvFiles.Number(csv, c.Upper);
            CsvFiles.Bool(csv, c.Suppressed);
            csv.EndRecord();
        }
    }

    public static void Icc(string path, BatchResults results)
    {
        using var csv = CsvFiles.Create(path);
        CsvFiles.Header(csv, DatasetColumns.Icc);
        foreach (var r in results.Intraclass)
        {
            csv.WriteField(r.Scale.Value);
            csv.WriteField(r.Wave.Value);
            csv.WriteField(r.N);
            csv.WriteField(r.Schools);
            CsvFiles.Number(csv, r.MeanSquareBetween);
            CsvFiles.Number(csv, r.MeanSquareWithin);
            CsvFiles.Number(csv, r.Icc1);
            CsvFiles.Number(csv, r.Icc2);
            csv.EndRecord();
        }
    }

    public static void ResponseRates(string path, BatchResults results)
    {
        var study = results.Study;
        using var csv = CsvFiles.Create(path);
        CsvFiles.Header(csv, DatasetColumns.ResponseRates);
        foreach (var r in results.ResponseRates)
        {
            csv.WriteField(r.School.Value);
            csv.WriteField(study.NetworkOf(r.School)!.Id.Value);
            csv.WriteField(r.Wave.Value);
            if (r.Suppressed) csv.WriteField("");
            else csv.WriteField(r.Responses);
            if (r.Staff is { } staff) csv.WriteField(staff);
            else csv.WriteField("");
            CsvFiles.Number(csv, r.Suppressed ? null : r.Rate);
            CsvFiles.Bool(csv, r.Suppressed);
            csv.WriteField(Reason(r.Disclosure));
            csv.EndRecord();
        }
    }

    /// <summary>Every excluded response: rows that could not be read (all their problems), then those the cleaning rules excluded.</summary>
    public static void CleaningLog(string path, RawResponses raw, CleaningResult cleaning)
    {
        using var csv = CsvFiles.Create(path);
        CsvFiles.Header(csv, DatasetColumns.CleaningLog);
        foreach (var row in raw.Problems.GroupBy(p => p.Row).OrderBy(g => g.Key))
        {
            csv.WriteField(row.Key);
            csv.WriteField(row.Select(p => p.ResponseId).FirstOrDefault(id => id is not null) ?? "");
            csv.WriteField(row.Select(p => p.School).FirstOrDefault(id => id is not null) ?? "");
            csv.WriteField(row.Select(p => p.Wave).FirstOrDefault(id => id is not null) ?? "");
            csv.WriteField(row.Key == 1 ? "header" : Names.Of(CleaningRule.Invalid));
            csv.WriteField(string.Join("; ", row.Select(p => (p.Column is null ? p.Reason : $"{p.Column}{(p.Value is null ? "" : $" = '{p.Value}'")}: {p.Reason}") + $" [{p.Code}]")));
            csv.EndRecord();
        }
        foreach (var e in cleaning.Exclusions)
        {
            csv.WriteField(e.SourceRow);
            csv.WriteField(e.ResponseId ?? "");
            csv.WriteField(e.School ?? "");
            csv.WriteField(e.Wave ?? "");
            csv.WriteField(Names.Of(e.Rule));
            csv.WriteField(e.Detail);
            csv.EndRecord();
        }
    }

    /// <summary>The suppression_reason text of a decision: empty when shown.</summary>
    private static ReadOnlySpan<byte> Reason(Disclosure disclosure) => disclosure switch
    {
        Disclosure.Shown => ""u8,
        Disclosure.BelowThreshold => "below threshold"u8,
        Disclosure.Complementary => "complementary"u8,
        _ => "withheld"u8,
    };

    private static ReadOnlySpan<byte> Level(AggregateLevel level) => level switch
    {
        AggregateLevel.School => "school"u8,
        AggregateLevel.Network => "network"u8,
        AggregateLevel.Trajectory => "trajectory"u8,
        _ => "all"u8,
    };

    /// <summary>[level]: the names of the units as UTF-8, by id.</summary>
    private static Dictionary<string, byte[]>[] UnitNames(Study study)
    {
        var names = new Dictionary<string, byte[]>[(int)Enum.GetValues<AggregateLevel>().Max() + 1];
        foreach (var level in Enum.GetValues<AggregateLevel>()) names[(int)level] = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        names[(int)AggregateLevel.All][study.Id.Value] = Encoding.UTF8.GetBytes(study.Name.Nl);
        foreach (var s in study.Schools) names[(int)AggregateLevel.School][s.Id.Value] = Encoding.UTF8.GetBytes(s.Name);
        foreach (var n in study.Networks) names[(int)AggregateLevel.Network][n.Id.Value] = Encoding.UTF8.GetBytes(n.Name);
        foreach (var t in study.Trajectories) names[(int)AggregateLevel.Trajectory][t.Id.Value] = Encoding.UTF8.GetBytes(t.Name);
        return names;
    }
}
