using CsvHelper;

namespace Monitoring.Analysis.Datasets;

/// <summary>
/// The text of scores (7 significant digits, <see cref="CsvFiles.Number(CsvHelper.CsvWriter, float)"/>), remembered per
/// thread: a scale score is a mean of a few small integers, so the 9 million scores of a million responses take a few
/// hundred values, and looking one up costs a fraction of formatting it. An open-addressing table keyed by the bits of
/// the float; once it is half full, further values are formatted each time (never wrong, only slower).
/// </summary>
internal sealed class ScoreTexts
{
    [ThreadStatic]
    private static ScoreTexts? current;

    private const int Slots = 1 << 12;
    private const int Width = 16; // the longest score text is 12 bytes: 0.000 and 7 digits

    private readonly uint[] keys = new uint[Slots];
    private readonly byte[] lengths = new byte[Slots]; // 0 = empty slot
    private readonly byte[] texts = new byte[Slots * Width];
    private int count;

    /// <summary>The table of this thread.</summary>
    public static ScoreTexts Current => current ??= new ScoreTexts();

    /// <summary>Writes <paramref name="score"/> as <see cref="CsvFiles.Number(CsvWriter, float)"/> does.</summary>
    public void Write(CsvWriter csv, float score)
    {
        if (!float.IsFinite(score)) csv.WriteField(ReadOnlySpan<byte>.Empty);
        else if (TryGet(score, out var text)) csv.WriteField(text);
        else CsvFiles.Significant(csv, score, 7);
    }

    /// <summary>Gets the text of finite <paramref name="score"/>, formatting and remembering it on first use; false when it is not written as text (negative values, very small ones).</summary>
    public bool TryGet(float score, out ReadOnlySpan<byte> text)
    {
        var bits = BitConverter.SingleToUInt32Bits(score);
        var slot = (int)((bits * 0x9E3779B1u) >> (32 - 12));
        while (lengths[slot] != 0)
        {
            if (keys[slot] == bits)
            {
                text = texts.AsSpan(slot * Width, lengths[slot]);
                return true;
            }
            slot = (slot + 1) & (Slots - 1);
        }
        Span<byte> formatted = stackalloc byte[CsvFiles.FormatBuffer];
        var length = CsvFiles.TryFormatSignificant(score, 7, formatted);
        if (length <= 0 || length > Width || count >= Slots / 2)
        {
            text = default;
            return false;
        }
        formatted[..length].CopyTo(texts.AsSpan(slot * Width));
        keys[slot] = bits;
        lengths[slot] = (byte)length;
        count++;
        text = texts.AsSpan(slot * Width, length);
        return true;
    }
}
