using CsvHelper;
using Monitoring.Analysis.Scoring;

namespace Monitoring.Analysis.Datasets;

/// <summary>
/// responses.csv: one row per kept response with its ids, every item (reverse-keyed items recoded)
/// and every scale score. Rows are formatted on several threads in blocks and written in table order,
/// so the bytes do not depend on the number of cores.
/// </summary>
internal static class ResponsesWriter
{
    private const int Block = 4096;

    public static void Write(string path, ScoredResponses scored)
    {
        var table = scored.Table;
        var study = table.Study;
        var networks = study.Schools.Select(s => study.NetworkOf(s.Id)!).ToArray();
        var schoolIds = study.Schools.Select(s => s.Id.Value).ToArray();
        var networkIds = networks.Select(n => n.Id.Value).ToArray();
        var trajectoryIds = networks.Select(n => n.Trajectory.Value).ToArray();
        var waveIds = study.Waves.Select(w => w.Id.Value).ToArray();
        var roleIds = study.Roles.Select(r => r.Id.Value).ToArray();
        var itemValues = Enumerable.Range(0, 201).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        using var csv = CsvFiles.Create(path);
        foreach (var name in DatasetColumns.Responses(study)) csv.WriteField(name);
        csv.EndRecord();
        var blocks = Enumerable.Range(0, (scored.Count + Block - 1) / Block);
        csv.ParallelWrite(blocks, (writer, block) =>
        {
            var end = Math.Min(scored.Count, (block + 1) * Block);
            for (var k = block * Block; k < end; k++)
            {
                var r = scored.Rows[k];
                var school = table.Schools[r];
                writer.WriteField(table.ResponseIds[r]);
                writer.WriteField(schoolIds[school]);
                writer.WriteField(networkIds[school]);
                writer.WriteField(trajectoryIds[school]);
                writer.WriteField(waveIds[table.Waves[r]]);
                writer.WriteField(roleIds[table.Roles[r]]);
                writer.WriteField(table.Linkage[r] ?? "");
                writer.WriteField(table.Started[r], "yyyy-MM-dd'T'HH:mm:sszzz");
                writer.WriteField(table.Submitted[r], "yyyy-MM-dd'T'HH:mm:sszzz");
                writer.WriteField(table.Languages[r] == 1 ? "en" : "nl");
                foreach (var column in scored.Recoded)
                {
                    var v = column[r];
                    if (float.IsNaN(v)) writer.WriteField("");
                    else if (v == MathF.Floor(v) && v >= 0 && v <= 200) writer.WriteField(itemValues[(int)v]);
                    else writer.WriteField(v);
                }
                foreach (var column in scored.Scores) CsvFiles.Number(writer, column[r]);
                writer.EndRecord();
            }
        }, Math.Max(1, Environment.ProcessorCount));
    }
}
