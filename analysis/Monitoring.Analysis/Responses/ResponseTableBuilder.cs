using Monitoring.Core.Studies;

namespace Monitoring.Analysis.Responses;

/// <summary>
/// Collects rows by their position in the source (0-based), from several threads at once, and produces a
/// <see cref="ResponseTable"/> of the valid ones in source order. Rows live in chunks of 65,536 that are
/// created as positions reach them, so a reader need not know the number of rows in advance and threads
/// writing different rows never contend; each thread writes texts through its own <see cref="TextAppender"/>.
/// </summary>
internal sealed class ResponseTableBuilder
{
    private const int ChunkShift = 16;
    private const int ChunkRows = 1 << ChunkShift;

    [ThreadStatic]
    private static TextAppender? t_appender;

    private readonly Study _study;
    private readonly AnswerCoding _coding;
    private readonly TextBlocks _texts = new();
    private readonly Lock _gate = new();
    private readonly bool _hasReceived;
    private Chunk?[] _chunks = [];

    /// <param name="study">The study.</param>
    /// <param name="hasReceived">Whether rows carry the server's receive time (stored submissions, a CSV with a <c>received</c> column).</param>
    public ResponseTableBuilder(Study study, bool hasReceived = false)
    {
        _study = study;
        _coding = new AnswerCoding(study);
        _hasReceived = hasReceived;
    }

    public AnswerCoding Coding => _coding;

    /// <summary>The chunk that holds row <paramref name="row"/>, and the row's index in it.</summary>
    public Chunk ChunkOf(int row, out int at)
    {
        at = row & (ChunkRows - 1);
        var index = row >> ChunkShift;
        var chunks = Volatile.Read(ref _chunks);
        if (index < chunks.Length && chunks[index] is { } chunk) return chunk;
        lock (_gate)
        {
            if (index >= _chunks.Length)
            {
                var grown = new Chunk?[Math.Max(index + 1, _chunks.Length * 2)];
                _chunks.CopyTo(grown, 0);
                Volatile.Write(ref _chunks, grown);
            }
            return _chunks[index] ??= new Chunk(_coding, _hasReceived);
        }
    }

    /// <summary>This thread's appender for the table's texts.</summary>
    public TextAppender Texts()
    {
        var appender = t_appender;
        if (appender is null || !ReferenceEquals(appender.Blocks, _texts)) t_appender = appender = new TextAppender(_texts);
        return appender;
    }

    /// <summary>Writes valid row <paramref name="row"/> (every answer missing until <see cref="SetAnswer"/>).</summary>
    public void Add(int row, string id, int school, int wave, int role, string? linkage, DateTimeOffset started, DateTimeOffset submitted, DateTimeOffset received, byte language)
    {
        var chunk = ChunkOf(row, out var at);
        var texts = Texts();
        chunk.Ids[at] = texts.Append(System.Text.Encoding.UTF8.GetBytes(id));
        chunk.Linkage[at] = linkage is null ? 0 : texts.Append(System.Text.Encoding.UTF8.GetBytes(linkage));
        chunk.Schools[at] = school;
        chunk.Waves[at] = wave;
        chunk.Roles[at] = role;
        chunk.Started[at] = started;
        chunk.Submitted[at] = submitted;
        if (chunk.Received is { } receivedColumn) receivedColumn[at] = received;
        chunk.Languages[at] = language;
        chunk.Codes.AsSpan(at * _coding.ItemCount, _coding.ItemCount).Fill(AnswerCoding.Missing);
        foreach (var column in chunk.Wide)
            if (column is not null) column[at] = float.NaN;
        chunk.Valid[at] = true;
    }

    /// <summary>Sets an answer of a row written by <see cref="Add"/>; <paramref name="value"/> must be allowed by the item's format.</summary>
    public void SetAnswer(int row, int item, double value)
    {
        var chunk = ChunkOf(row, out var at);
        if (_coding.Wide[item]) chunk.Wide[item]![at] = (float)value;
        else chunk.Codes[(at * _coding.ItemCount) + item] = (byte)((int)(float)value - _coding.Min[item]);
    }

    /// <summary>The table of rows 0 .. <paramref name="rows"/> − 1 that are marked valid, in order; a row never written counts as invalid.</summary>
    public ResponseTable Build(int rows)
    {
        var chunks = _chunks;
        var count = 0;
        for (var c = 0; c * ChunkRows < rows; c++)
            if (c < chunks.Length && chunks[c] is { } chunk)
                count += chunk.Valid.AsSpan(0, Math.Min(ChunkRows, rows - (c * ChunkRows))).Count(true);
        var k = _coding.ItemCount;
        if ((long)count * k > Array.MaxLength)
            throw new InvalidOperationException($"{count:N0} responses × {k} items do not fit in one table.");

        var ids = new long[count];
        var schools = new int[count];
        var waves = new int[count];
        var roles = new int[count];
        var linkage = new long[count];
        var started = new DateTimeOffset[count];
        var submitted = new DateTimeOffset[count];
        var received = _hasReceived ? new DateTimeOffset[count] : null;
        var languages = new byte[count];
        var sourceRows = new int[count];
        var codes = new byte[count * k];
        var wide = new float[]?[k];
        for (var j = 0; j < k; j++) wide[j] = _coding.Wide[j] ? new float[count] : null;

        var to = 0;
        for (var c = 0; c * ChunkRows < rows; c++)
        {
            if (c >= chunks.Length || chunks[c] is not { } chunk) continue;
            var length = Math.Min(ChunkRows, rows - (c * ChunkRows));
            var from = 0;
            while (from < length)
            {
                // Copy each run of valid rows at once.
                var start = chunk.Valid.AsSpan(from, length - from).IndexOf(true);
                if (start < 0) break;
                start += from;
                var end = chunk.Valid.AsSpan(start, length - start).IndexOf(false);
                end = end < 0 ? length : start + end;
                var run = end - start;
                chunk.Ids.AsSpan(start, run).CopyTo(ids.AsSpan(to));
                chunk.Schools.AsSpan(start, run).CopyTo(schools.AsSpan(to));
                chunk.Waves.AsSpan(start, run).CopyTo(waves.AsSpan(to));
                chunk.Roles.AsSpan(start, run).CopyTo(roles.AsSpan(to));
                chunk.Linkage.AsSpan(start, run).CopyTo(linkage.AsSpan(to));
                chunk.Started.AsSpan(start, run).CopyTo(started.AsSpan(to));
                chunk.Submitted.AsSpan(start, run).CopyTo(submitted.AsSpan(to));
                if (received is not null) chunk.Received.AsSpan(start, run).CopyTo(received.AsSpan(to));
                chunk.Languages.AsSpan(start, run).CopyTo(languages.AsSpan(to));
                chunk.Codes.AsSpan(start * k, run * k).CopyTo(codes.AsSpan(to * k));
                for (var j = 0; j < k; j++)
                    if (wide[j] is { } column) chunk.Wide[j]!.AsSpan(start, run).CopyTo(column.AsSpan(to));
                for (var r = 0; r < run; r++) sourceRows[to + r] = (c * ChunkRows) + start + r + 2;
                to += run;
                from = end;
            }
            chunks[c] = null; // let the chunk go as soon as it is copied
        }
        _chunks = [];

        var blocks = _texts.ToArray();
        return new ResponseTable(_study, count, new TextColumn(ids, blocks, count), schools, waves, roles, new TextColumn(linkage, blocks, count),
            started, submitted, received, languages, new AnswerMatrix(_coding, count, codes, wide), sourceRows);
    }

    /// <summary>The fields of 65,536 consecutive rows; a row is written by one thread.</summary>
    internal sealed class Chunk
    {
        public Chunk(AnswerCoding coding, bool hasReceived)
        {
            Received = hasReceived ? new DateTimeOffset[ChunkRows] : null;
            Codes = GC.AllocateUninitializedArray<byte>(ChunkRows * coding.ItemCount);
            Wide = new float[]?[coding.ItemCount];
            for (var j = 0; j < Wide.Length; j++) Wide[j] = coding.Wide[j] ? new float[ChunkRows] : null;
        }

        /// <summary>Set once the row is complete and has no problem.</summary>
        public bool[] Valid { get; } = new bool[ChunkRows];

        public long[] Ids { get; } = new long[ChunkRows];

        public int[] Schools { get; } = new int[ChunkRows];

        public int[] Waves { get; } = new int[ChunkRows];

        public int[] Roles { get; } = new int[ChunkRows];

        public long[] Linkage { get; } = new long[ChunkRows];

        public DateTimeOffset[] Started { get; } = new DateTimeOffset[ChunkRows];

        public DateTimeOffset[] Submitted { get; } = new DateTimeOffset[ChunkRows];

        /// <summary>The server's receive time, when the source has one.</summary>
        public DateTimeOffset[]? Received { get; }

        public byte[] Languages { get; } = new byte[ChunkRows];

        /// <summary>[row · items + item]; a writer first sets its row to <see cref="AnswerCoding.Missing"/>.</summary>
        public byte[] Codes { get; }

        public float[]?[] Wide { get; }
    }
}
