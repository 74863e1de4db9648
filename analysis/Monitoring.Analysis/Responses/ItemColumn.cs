using System.Runtime.CompilerServices;

namespace Monitoring.Analysis.Responses;

/// <summary>
/// One item's answers as floats (NaN = missing), over an <see cref="AnswerMatrix"/>'s codes or over a float
/// array of its own. What the statistics and the responses dataset read.
/// </summary>
internal sealed class ItemColumn
{
    private readonly byte[]? _codes;
    private readonly int _stride;
    private readonly int _offset;
    private readonly float[]? _decode;
    private readonly float[]? _values;

    /// <summary>A column over <paramref name="values"/> (every entry a row).</summary>
    public ItemColumn(float[] values) : this(values, values.Length)
    {
    }

    public ItemColumn(float[] values, int length)
    {
        _values = values;
        Length = length;
    }

    public ItemColumn(byte[] codes, int stride, int offset, float[] decode, int length)
    {
        _codes = codes;
        _stride = stride;
        _offset = offset;
        _decode = decode;
        Length = length;
    }

    /// <summary>The number of rows.</summary>
    public int Length { get; }

    public float this[int row] => _values is { } values ? values[row] : _decode![_codes![(row * _stride) + _offset]];

    /// <summary>Copies rows <paramref name="start"/> .. start + into.Length − 1 into <paramref name="into"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void CopyTo(int start, Span<float> into)
    {
        if (_values is { } values)
        {
            values.AsSpan(start, into.Length).CopyTo(into);
            return;
        }
        var codes = _codes!;
        var decode = _decode!;
        for (int b = 0, at = (start * _stride) + _offset; b < into.Length; b++, at += _stride)
            into[b] = decode[codes[at]];
    }

    /// <summary>Copies rows <c>rows[i]</c> into <c>into[i]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Gather(ReadOnlySpan<int> rows, Span<float> into)
    {
        if (_values is { } values)
        {
            for (var b = 0; b < rows.Length; b++) into[b] = values[rows[b]];
            return;
        }
        var codes = _codes!;
        var decode = _decode!;
        for (var b = 0; b < rows.Length; b++) into[b] = decode[codes[(rows[b] * _stride) + _offset]];
    }
}
