using System.Xml;
using System.Xml.Linq;

namespace Monitoring.Reports.Tests.Support;

/// <summary>Reads a report as XML: the reports keep an XHTML discipline (closed void elements, quoted attributes, numeric entities).</summary>
public static class Xhtml
{
    public static XDocument Parse(string html)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(html), settings);
        return XDocument.Load(reader);
    }

    /// <summary>Every element named <paramref name="name"/> (HTML and inline SVG share no namespace in these pages).</summary>
    public static IEnumerable<XElement> All(this XContainer node, string name) => node.Descendants().Where(e => e.Name.LocalName == name);

    public static string? Class(this XElement element) => (string?)element.Attribute("class");

    /// <summary>Every text a reader sees or hears: text nodes (chart labels and titles included) except the style sheet, and the charts' aria-labels.</summary>
    public static IEnumerable<string> Texts(XDocument document) =>
        document.DescendantNodes().OfType<XText>()
            .Where(t => t.Parent is { } p && p.Name.LocalName != "style")
            .Select(t => t.Value)
            .Concat(document.Descendants().Select(e => (string?)e.Attribute("aria-label")).OfType<string>());
}
