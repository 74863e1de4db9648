using System.Net;
using System.Text;

namespace Monitoring.Reports.Html;

/// <summary>
/// Builds one page: markup as given, text HTML-encoded, and shared UTF-8 chunks (style sheet, frames,
/// sections that every page repeats) that are encoded once per run rather than once per page.
/// </summary>
internal sealed class HtmlWriter
{
    private readonly List<byte[]> _chunks = [];
    private readonly StringBuilder _text = new(64 * 1024);

    /// <summary>Appends markup as is: only for literals and markup this project generated.</summary>
    public HtmlWriter Raw(string markup)
    {
        _text.Append(markup);
        return this;
    }

    /// <summary>Appends text, HTML-encoded: for everything that comes from data.</summary>
    public HtmlWriter Text(string? text)
    {
        if (!string.IsNullOrEmpty(text)) _text.Append(WebUtility.HtmlEncode(text));
        return this;
    }

    /// <summary>Appends <c>&lt;tag class="…"&gt;text&lt;/tag&gt;</c> with the text encoded.</summary>
    public HtmlWriter Element(string tag, string? text, string? cssClass = null)
    {
        _text.Append('<').Append(tag);
        if (cssClass is not null) _text.Append(" class=\"").Append(cssClass).Append('"');
        _text.Append('>');
        Text(text);
        _text.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>Appends an attribute value, encoded (the caller writes the quotes).</summary>
    public HtmlWriter Attribute(string? value) => Text(value);

    /// <summary>Appends a chunk encoded once and shared between pages.</summary>
    public HtmlWriter Shared(byte[] chunk)
    {
        Flush();
        _chunks.Add(chunk);
        return this;
    }

    public void WriteTo(Stream stream)
    {
        Flush();
        foreach (var chunk in _chunks) stream.Write(chunk);
    }

    public override string ToString()
    {
        Flush();
        return string.Concat(_chunks.Select(Encoding.UTF8.GetString));
    }

    /// <summary>The text written so far as a shareable chunk; the writer is empty afterwards.</summary>
    public byte[] ToChunk()
    {
        Flush();
        var chunk = _chunks.SelectMany(c => c).ToArray();
        _chunks.Clear();
        return chunk;
    }

    private void Flush()
    {
        if (_text.Length == 0) return;
        _chunks.Add(Encoding.UTF8.GetBytes(_text.ToString()));
        _text.Clear();
    }
}
