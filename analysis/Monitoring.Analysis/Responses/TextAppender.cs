namespace Monitoring.Analysis.Responses;

/// <summary>
/// Appends UTF-8 texts to blocks of bytes for a <see cref="TextColumn"/>. One appender per thread; the
/// blocks themselves are shared through <see cref="TextBlocks"/>, so texts written on several threads
/// end up in one column. A text is stored as its length (one byte, or 255 and four bytes) and its bytes.
/// </summary>
internal sealed class TextAppender(TextBlocks blocks)
{
    /// <summary>The length byte that announces a four-byte length.</summary>
    public const int LongLength = 255;

    private const int BlockSize = 1 << 20;

    private byte[] _block = [];
    private int _index = -1;
    private int _used;

    public TextBlocks Blocks { get; } = blocks;

    /// <summary>Stores <paramref name="value"/> and returns its locator (never 0).</summary>
    public long Append(ReadOnlySpan<byte> value)
    {
        var prefix = value.Length < LongLength ? 1 : 5;
        var size = prefix + value.Length;
        if (_used + size > _block.Length)
        {
            _block = new byte[Math.Max(BlockSize, size)];
            _index = Blocks.Add(_block);
            _used = 0;
        }
        var offset = _used;
        if (prefix == 1) _block[offset] = (byte)value.Length;
        else
        {
            _block[offset] = LongLength;
            BitConverter.TryWriteBytes(_block.AsSpan(offset + 1, 4), value.Length);
        }
        value.CopyTo(_block.AsSpan(offset + prefix));
        _used += size;
        return ((long)(_index + 1) << 32) | (uint)offset;
    }
}
