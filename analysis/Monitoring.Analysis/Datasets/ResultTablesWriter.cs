using Monitoring.Analysis.Cleaning;
using Monitoring.Analysis.Responses;
using Monitoring.Core.Results;
using Monitoring.Core.Studies;

namespace Monitoring.Analysis.Datasets;

/// <summary>The small result tables: aggregates, reliability, item statistics, change, ICC, response rates, cleaning log.</summary>
internal static class ResultTablesWriter
{
    public static void Aggregates(string path, BatchResults results)
    {
        var names = UnitNames(results.Study);
        using var csv = CsvFiles.Create(path);
        CsvFiles.Header(csv, DatasetColumns.Aggregates);
        foreach (var a in results.Aggregates)
        {
            csv.WriteField(Level(a.Level));
            csv.WriteField(a.Unit);
            csv.WriteField(names[(a.Level, a.Unit)]);
            csv.WriteField(a.Wave.Value);
            csv.WriteField(a.Scale.Value);
            var e = a.Estimate;
            if (e is null) csv.WriteField("");
            else csv.WriteField(e.N);
            CsvFiles.Number(csv, e?.Mean);
            CsvFiles.Number(csv, e?.StandardDeviation);
            CsvFiles.Number(csv, e?.StandardError);
            CsvFiles.Number(csv, e?.Lower);
            CsvFiles.Number(csv, e?.Upper);
            CsvFiles.Bool(csv, a.Suppressed);
            csv.WriteField(a.SuppressionReason ?? "");
            csv.EndRecord();
        }
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

    public static void Change(string path, BatchResults results)
    {
        using var csv = CsvFiles.Create(path);
        CsvFiles.Header(csv, DatasetColumns.Change);
        foreach (var c in results.Changes)
        {
            csv.WriteField(Level(c.Level));
            csv.WriteField(c.Unit);
            csv.WriteField(c.Scale.Value);
            csv.WriteField(c.From.Value);
            csv.WriteField(c.To.Value);
            if (c.Suppressed) { csv.WriteField(""); csv.WriteField(""); }
            else { csv.WriteField(c.NFrom); csv.WriteField(c.NTo); }
            CsvFiles.Number(csv, c.MeanFrom);
            CsvFiles.Number(csv, c.MeanTo);
            CsvFiles.Number(csv, c.Difference);
            CsvFiles.Number(csv, c.Lower);
            CsvFiles.Number(csv, c.Upper);
            CsvFiles.Number(csv, c.CohensD);
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
            csv.WriteField(string.Join("; ", row.Select(p => p.Column is null ? p.Reason : $"{p.Column}{(p.Value is null ? "" : $" = '{p.Value}'")}: {p.Reason}")));
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

    public static string Level(AggregateLevel level) => level switch
    {
        AggregateLevel.School => "school",
        AggregateLevel.Network => "network",
        AggregateLevel.Trajectory => "trajectory",
        _ => "all",
    };

    private static Dictionary<(AggregateLevel, string), string> UnitNames(Study study)
    {
        var names = new Dictionary<(AggregateLevel, string), string> { [(AggregateLevel.All, study.Id.Value)] = study.Name.Nl };
        foreach (var s in study.Schools) names[(AggregateLevel.School, s.Id.Value)] = s.Name;
        foreach (var n in study.Networks) names[(AggregateLevel.Network, n.Id.Value)] = n.Name;
        foreach (var t in study.Trajectories) names[(AggregateLevel.Trajectory, t.Id.Value)] = t.Name;
        return names;
    }
}
