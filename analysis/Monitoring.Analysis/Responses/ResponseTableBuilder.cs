using Monitoring.Core.Studies;

namespace Monitoring.Analysis.Responses;

/// <summary>Appends responses to growing column arrays and produces a <see cref="ResponseTable"/>.</summary>
internal sealed class ResponseTableBuilder
{
    private readonly Study _study;
    private string[] _ids;
    private int[] _schools;
    private int[] _waves;
    private int[] _roles;
    private string?[] _linkage;
    private DateTimeOffset[] _started;
    private DateTimeOffset[] _submitted;
    private byte[] _languages;
    private readonly float[][] _answers;
    private int[] _sourceRows;

    public ResponseTableBuilder(Study study, int capacity = 1024)
    {
        _study = study;
        capacity = Math.Max(16, capacity);
        _ids = new string[capacity];
        _schools = new int[capacity];
        _waves = new int[capacity];
        _roles = new int[capacity];
        _linkage = new string?[capacity];
        _started = new DateTimeOffset[capacity];
        _submitted = new DateTimeOffset[capacity];
        _languages = new byte[capacity];
        _sourceRows = new int[capacity];
        _answers = new float[study.Items.Count][];
        for (var j = 0; j < _answers.Length; j++) _answers[j] = new float[capacity];
    }

    public int Count { get; private set; }

    /// <summary>Appends a row and returns its index; answers are then set with <see cref="SetAnswer"/> (default: missing).</summary>
    public int Add(string id, int school, int wave, int role, string? linkage, DateTimeOffset started, DateTimeOffset submitted, byte language, int sourceRow)
    {
        if (Count == _ids.Length) Grow();
        var row = Count++;
        _ids[row] = id;
        _schools[row] = school;
        _waves[row] = wave;
        _roles[row] = role;
        _linkage[row] = linkage;
        _started[row] = started;
        _submitted[row] = submitted;
        _languages[row] = language;
        _sourceRows[row] = sourceRow;
        foreach (var column in _answers) column[row] = float.NaN;
        return row;
    }

    public void SetAnswer(int row, int item, float value) => _answers[item][row] = value;

    /// <summary>Drops the last row (one that turned out to be invalid after <see cref="Add"/>).</summary>
    public void RemoveLast() => Count--;

    public ResponseTable Build() =>
        new(_study, Count, _ids, _schools, _waves, _roles, _linkage, _started, _submitted, _languages, _answers, _sourceRows);

    private void Grow()
    {
        var size = _ids.Length * 2;
        Array.Resize(ref _ids, size);
        Array.Resize(ref _schools, size);
        Array.Resize(ref _waves, size);
        Array.Resize(ref _roles, size);
        Array.Resize(ref _linkage, size);
        Array.Resize(ref _started, size);
        Array.Resize(ref _submitted, size);
        Array.Resize(ref _languages, size);
        Array.Resize(ref _sourceRows, size);
        for (var j = 0; j < _answers.Length; j++) Array.Resize(ref _answers[j], size);
    }
}
