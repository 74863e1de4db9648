namespace Monitoring.Reports.Html;

/// <summary>The start and end every page shares: document head with the inline style sheet, and the footer.</summary>
internal static class PageFrame
{
    public static void Open(HtmlWriter html, ReportContext context, string title)
    {
        html.Raw("<!DOCTYPE html>\n<html lang=\"").Raw(context.Language).Raw("\">\n<head>\n<meta charset=\"utf-8\"/>\n")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>").Text(title).Raw("</title>\n")
            .Shared(context.Css).Raw("</head>\n<body>\n");
    }

    public static void Close(HtmlWriter html, ReportContext context)
    {
        html.Raw("<footer><p>").Text(context.Texts.Footer).Raw("</p></footer>\n</body>\n</html>\n");
    }

    /// <summary>The table of contents: links to the page's sections.</summary>
    public static void Contents(HtmlWriter html, ReportContext context, IEnumerable<(string Id, string Heading)> sections)
    {
        html.Raw("<nav class=\"toc\" aria-label=\"").Attribute(context.Texts.Contents).Raw("\"><p class=\"toc-title\">").Text(context.Texts.Contents).Raw("</p><ol>");
        foreach (var (id, heading) in sections) html.Raw("<li><a href=\"#").Raw(id).Raw("\">").Text(heading).Raw("</a></li>");
        html.Raw("</ol></nav>\n");
    }

    public static void OpenSection(HtmlWriter html, string id, string heading) =>
        html.Raw("<section id=\"").Raw(id).Raw("\" class=\"report-section\">\n").Element("h2", heading).Raw("\n");

    public static void CloseSection(HtmlWriter html) => html.Raw("</section>\n");
}
