using System.Globalization;
using System.Text;
using CsvHelper;
using Monitoring.Analysis.Scoring;

namespace Monitoring.Analysis.Datasets;

/// <summary>
/// responses.csv: one row per kept response with its ids, every item (reverse-keyed items recoded)
/// and every scale score. Rows are formatted on several threads and written in table order, so the
/// bytes do not depend on the number of cores. Ids and item values are written from UTF-8 encoded
/// once, scores from <see cref="ScoreTexts"/>, and dates formatted into a stack buffer.
/// </summary>
internal static class ResponsesWriter
{
    public static void Write(string path, ScoredResponses scored)
    {
        var table = scored.Table;
        var study = table.Study;
        var texts = new StudyTexts(study);
        var itemValues = Enumerable.Range(0, 201).Select(v => Encoding.UTF8.GetBytes(v.ToString(CultureInfo.InvariantCulture))).ToArray();
        var rows = scored.Rows;
        var recoded = scored.Recoded;
        var scores = scored.Scores;

        using var csv = CsvFiles.Create(path);
        foreach (var name in DatasetColumns.Responses(study)) csv.WriteField(name);
        csv.EndRecord();
        CsvFiles.Rows(csv, scored.Count, (writer, k) =>
        {
            var r = rows[k];
            var school = table.Schools[r];
            writer.WriteField(table.ResponseIds[r]);
            writer.WriteField(texts.Schools[school]);
            writer.WriteField(texts.Networks[school]);
            writer.WriteField(texts.Trajectories[school]);
            writer.WriteField(texts.Waves[table.Waves[r]]);
            writer.WriteField(texts.Roles[table.Roles[r]]);
            writer.WriteField(table.Linkage[r] ?? "");
            Timestamp(writer, table.Started[r]);
            Timestamp(writer, table.Submitted[r]);
            writer.WriteField(table.Languages[r] == 1 ? "en"u8 : "nl"u8);
            foreach (var column in recoded)
            {
                var v = column[r];
                if (float.IsNaN(v)) writer.WriteField(ReadOnlySpan<byte>.Empty);
                else if (v == MathF.Floor(v) && v >= 0 && v <= 200) writer.WriteField(itemValues[(int)v]);
                else writer.WriteField(v);
            }
            var scoreTexts = ScoreTexts.Current;
            foreach (var column in scores) scoreTexts.Write(writer, column[r]);
            writer.EndRecord();
        });
    }

    /// <summary>
    /// The text of the format yyyy-MM-dd'T'HH:mm:sszzz (e.g. 2021-11-05T11:04:47+01:00), formatted by hand: the
    /// general formatter with that pattern took about six times as long as writing the field.
    /// </summary>
    private static void Timestamp(CsvWriter writer, DateTimeOffset value)
    {
        Span<byte> text = stackalloc byte[25];
        var clock = value.DateTime;
        Digits(text, 0, clock.Year, 4);
        text[4] = (byte)'-';
        Digits(text, 5, clock.Month, 2);
        text[7] = (byte)'-';
        Digits(text, 8, clock.Day, 2);
        text[10] = (byte)'T';
        Digits(text, 11, clock.Hour, 2);
        text[13] = (byte)':';
        Digits(text, 14, clock.Minute, 2);
        text[16] = (byte)':';
        Digits(text, 17, clock.Second, 2);
        var offset = (int)(value.Offset.Ticks / TimeSpan.TicksPerMinute);
        text[19] = offset < 0 ? (byte)'-' : (byte)'+';
        offset = Math.Abs(offset);
        Digits(text, 20, offset / 60, 2);
        text[22] = (byte)':';
        Digits(text, 23, offset % 60, 2);
        writer.WriteField(text);
    }

    private static void Digits(Span<byte> text, int start, int value, int width)
    {
        for (var i = start + width - 1; i >= start; i--)
        {
            text[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
