using Monitoring.Analysis.Datasets.Tables;
using Monitoring.Analysis.Scoring;
using Parquet;
using Parquet.Schema;

namespace Monitoring.Analysis.Datasets.Parquet;

/// <summary>
/// responses.parquet, written from the scored table itself rather than from responses.csv (reading a million rows
/// back would cost more than writing them): the same columns and values as the CSV, scores rounded to the CSV's
/// 7 significant digits. Row groups of <see cref="ParquetColumns.RowGroup"/> rows, one column buffer of each type
/// reused for every column, so the memory does not grow with the table.
/// </summary>
internal static class ResponsesParquet
{
    public static async Task WriteAsync(string path, ScoredResponses scored, DatasetTable table, string language, CancellationToken cancellationToken = default)
    {
        var responses = scored.Table;
        var study = responses.Study;
        var rows = scored.Rows;
        var columns = table.Columns;
        var fixedCount = DatasetColumns.ResponseFixed.Length;
        if (columns.Count != fixedCount + scored.Recoded.Length + scored.Scores.Length || columns[fixedCount - 1].Name != "language")
            throw new InvalidOperationException("The description of responses does not match the columns ResponsesWriter writes.");
        var fields = columns.Select(c => ParquetColumns.Field(c, c.Name, ParquetColumns.Nullable(c))).ToArray();

        var schools = study.Schools.Select(s => s.Id.Value).ToArray();
        var networks = study.Schools.Select(s => study.NetworkOf(s.Id)!.Id.Value).ToArray();
        var trajectories = study.Schools.Select(s => study.NetworkOf(s.Id)!.Trajectory.Value).ToArray();
        var waves = study.Waves.Select(w => w.Id.Value).ToArray();
        var roles = study.Roles.Select(r => r.Id.Value).ToArray();
        var rounded = new Dictionary<float, double>();

        File.Delete(path);
        await using var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), output, ParquetColumns.Options(fields, columns), cancellationToken: cancellationToken).ConfigureAwait(false);
        writer.CustomMetadata = ParquetColumns.Metadata(table, language);
        var texts = new string?[Math.Min(ParquetColumns.RowGroup, rows.Length)];
        var stamps = new DateTime[texts.Length];
        var integers = new int?[texts.Length];
        var numbers = new double?[texts.Length];
        for (var start = 0; start == 0 || start < rows.Length; start += ParquetColumns.RowGroup)
        {
            var count = Math.Min(ParquetColumns.RowGroup, rows.Length - start);
            using var group = writer.CreateRowGroup();
            var f = 0;
            async Task Texts(Func<int, string?> text)
            {
                for (var i = 0; i < count; i++) texts[i] = text(rows[start + i]);
                await group.WriteAsync(fields[f++], new ArraySegment<string?>(texts, 0, count)!).ConfigureAwait(false);
            }
            async Task Stamps(DateTimeOffset[] values)
            {
                for (var i = 0; i < count; i++) stamps[i] = values[rows[start + i]].UtcDateTime;
                await group.WriteAsync<DateTime>(fields[f++], stamps.AsMemory(0, count), cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            await Texts(r => responses.ResponseIds[r]).ConfigureAwait(false);
            await Texts(r => schools[responses.Schools[r]]).ConfigureAwait(false);
            await Texts(r => networks[responses.Schools[r]]).ConfigureAwait(false);
            await Texts(r => trajectories[responses.Schools[r]]).ConfigureAwait(false);
            await Texts(r => waves[responses.Waves[r]]).ConfigureAwait(false);
            await Texts(r => roles[responses.Roles[r]]).ConfigureAwait(false);
            await Texts(r => responses.Linkage[r]).ConfigureAwait(false);
            await Stamps(responses.Started).ConfigureAwait(false);
            await Stamps(responses.Submitted).ConfigureAwait(false);
            await Texts(r => responses.Languages[r] == 1 ? "en" : "nl").ConfigureAwait(false);
            foreach (var column in scored.Recoded)
            {
                for (var i = 0; i < count; i++)
                {
                    var v = column[rows[start + i]];
                    integers[i] = float.IsNaN(v) ? null : (int)v;
                }
                await group.WriteAsync<int>(fields[f++], integers.AsMemory(0, count), cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            foreach (var column in scored.Scores)
            {
                for (var i = 0; i < count; i++)
                {
                    var v = column[rows[start + i]];
                    if (!float.IsFinite(v)) numbers[i] = null;
                    else if (rounded.TryGetValue(v, out var d)) numbers[i] = d;
                    else numbers[i] = rounded[v] = CsvFiles.Significant(v, 7);
                }
                await group.WriteAsync<double>(fields[f++], numbers.AsMemory(0, count), cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
