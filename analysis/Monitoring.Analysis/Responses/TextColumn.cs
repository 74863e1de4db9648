using System.Collections;
using System.Text;

namespace Monitoring.Analysis.Responses;

/// <summary>
/// One optional text per row (response ids, linkage codes), kept as UTF-8 in shared blocks of bytes
/// rather than as a string per row: a million response ids take 45 MB instead of 105 MB. Each access
/// creates the string; the batch's hot loops compare and hash <see cref="Bytes"/> instead.
/// </summary>
internal sealed class TextColumn : IReadOnlyList<string?>
{
    private readonly long[] _locators;
    private readonly byte[][] _blocks;

    /// <param name="locators">Per row: 0 for null, else (block + 1) &lt;&lt; 32 | offset of the value's length prefix.</param>
    /// <param name="blocks">The blocks the locators point into (see <see cref="TextAppender"/>).</param>
    /// <param name="count">The number of rows.</param>
    public TextColumn(long[] locators, byte[][] blocks, int count)
    {
        _locators = locators;
        _blocks = blocks;
        Count = count;
    }

    public int Count { get; }

    /// <summary>The text of <paramref name="row"/>, or null.</summary>
    public string? this[int row] => _locators[row] == 0 ? null : Encoding.UTF8.GetString(Bytes(row));

    public bool IsNull(int row) => _locators[row] == 0;

    /// <summary>The UTF-8 bytes of <paramref name="row"/>'s text; empty for null.</summary>
    public ReadOnlySpan<byte> Bytes(int row)
    {
        var locator = _locators[row];
        if (locator == 0) return default;
        var block = _blocks[(int)(locator >> 32) - 1];
        var offset = (int)locator;
        int length = block[offset];
        if (length < TextAppender.LongLength) return block.AsSpan(offset + 1, length);
        return block.AsSpan(offset + 5, BitConverter.ToInt32(block, offset + 1));
    }

    public IEnumerator<string?> GetEnumerator()
    {
        for (var row = 0; row < Count; row++) yield return this[row];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
