namespace Monitoring.Analysis.Responses;

/// <summary>The blocks that the <see cref="TextAppender"/>s of one table fill, numbered in the order they were started.</summary>
internal sealed class TextBlocks
{
    private readonly List<byte[]> _blocks = [];
    private readonly Lock _gate = new();

    public int Add(byte[] block)
    {
        lock (_gate)
        {
            _blocks.Add(block);
            return _blocks.Count - 1;
        }
    }

    public byte[][] ToArray()
    {
        lock (_gate) return [.. _blocks];
    }
}
