using System.Net;
using System.Text;

namespace Monitoring.Reports.Html;

/// <summary>
/// Writes one page as UTF-8 straight to its stream: markup as given, text HTML-encoded, and shared chunks
/// (style sheet, frames, sections that every page repeats) that were encoded once per run.
/// </summary>
internal sealed class HtmlWriter : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly Stream _stream;
    private readonly StreamWriter _writer;

    public HtmlWriter(Stream stream)
    {
        _stream = stream;
        _writer = new StreamWriter(stream, Utf8, 1 << 16, leaveOpen: true);
    }

    /// <summary>Appends markup as is: only for literals and markup this project generated.</summary>
    public HtmlWriter Raw(string markup)
    {
        _writer.Write(markup);
        return this;
    }

    /// <summary>Appends text, HTML-encoded: for everything that comes from data.</summary>
    public HtmlWriter Text(string? text)
    {
        if (!string.IsNullOrEmpty(text)) WebUtility.HtmlEncode(text, _writer);
        return this;
    }

    /// <summary>Appends <c>&lt;tag class="…"&gt;text&lt;/tag&gt;</c> with the text encoded.</summary>
    public HtmlWriter Element(string tag, string? text, string? cssClass = null)
    {
        _writer.Write('<');
        _writer.Write(tag);
        if (cssClass is not null)
        {
            _writer.Write(" class=\"");
            _writer.Write(cssClass);
            _writer.Write('"');
        }
        _writer.Write('>');
        Text(text);
        _writer.Write("</");
        _writer.Write(tag);
        _writer.Write('>');
        return this;
    }

    /// <summary>Appends an attribute value, encoded (the caller writes the quotes).</summary>
    public HtmlWriter Attribute(string? value) => Text(value);

    /// <summary>Appends a chunk encoded once and shared between pages.</summary>
    public HtmlWriter Shared(byte[] chunk)
    {
        _writer.Flush();
        _stream.Write(chunk);
        return this;
    }

    public void Dispose()
    {
        _writer.Flush();
        _writer.Dispose();
    }

    /// <summary>Renders <paramref name="write"/> into a chunk to share between pages.</summary>
    public static byte[] Chunk(Action<HtmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var html = new HtmlWriter(buffer)) write(html);
        return buffer.ToArray();
    }
}
