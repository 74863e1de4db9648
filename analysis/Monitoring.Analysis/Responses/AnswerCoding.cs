using Monitoring.Core.Studies;

namespace Monitoring.Analysis.Responses;

/// <summary>
/// How each item's answers are stored: as one byte, answer − min (<see cref="Missing"/> for no answer), when the
/// item's format spans at most 255 values that a float holds exactly, which every usual rating scale does; else
/// as a float (NaN for no answer) in a column of its own. This is the one place that says what a code means:
/// <see cref="Decode"/> gives the answer as given, <see cref="Recode"/> the answer reverse-keyed with the item's
/// declared bounds (x' = min + max − x) for reverse-keyed items and as given for the others, so scoring reads
/// recoded answers from the same codes without changing them.
/// </summary>
internal sealed class AnswerCoding
{
    /// <summary>The code of a missing answer.</summary>
    public const byte Missing = 255;

    private const int ExactInFloat = 1 << 24;

    public AnswerCoding(Study study)
    {
        var items = study.Items;
        ItemCount = items.Count;
        Min = new int[ItemCount];
        Wide = new bool[ItemCount];
        Decode = new float[ItemCount][];
        Recode = new float[ItemCount][];
        for (var j = 0; j < ItemCount; j++)
        {
            var format = items[j].Format;
            Min[j] = format.Min;
            Wide[j] = (long)format.Max - format.Min >= Missing || Math.Abs((long)format.Min) > ExactInFloat || Math.Abs((long)format.Max) > ExactInFloat;
            var decode = new float[256];
            for (var c = 0; c < decode.Length; c++) decode[c] = c == Missing || Wide[j] ? float.NaN : format.Min + c;
            Decode[j] = decode;
            if (items[j].IsReverseKeyed)
            {
                var recode = new float[256];
                for (var c = 0; c < recode.Length; c++) recode[c] = float.IsNaN(decode[c]) ? float.NaN : (float)format.Reverse(decode[c]);
                Recode[j] = recode;
            }
            else Recode[j] = decode;
        }
        HasWide = Wide.Contains(true);
    }

    public int ItemCount { get; }

    /// <summary>Per item: the value of code 0.</summary>
    public int[] Min { get; }

    /// <summary>Per item: stored as floats, not as codes.</summary>
    public bool[] Wide { get; }

    public bool HasWide { get; }

    /// <summary>Per item: the value of each code (NaN for <see cref="Missing"/>).</summary>
    public float[][] Decode { get; }

    /// <summary>Per item: the scored value of each code, reverse-keyed for a reverse-keyed item (NaN for <see cref="Missing"/>).</summary>
    public float[][] Recode { get; }
}
