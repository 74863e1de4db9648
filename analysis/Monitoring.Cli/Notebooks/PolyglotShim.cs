namespace Monitoring.Cli.Notebooks;

/// <summary>
/// The C# appended to every converted notebook: what the Polyglot C# kernel gives a cell for free
/// (<c>display(x)</c>, <c>HTML(s)</c>) as plain console output, and the marker that opens each cell.
/// </summary>
internal static class PolyglotShim
{
    /// <summary>The start of the line that <see cref="CellMarker"/> prints, followed by the cell number.</summary>
    public const string MarkerPrefix = "[notebook-check] cell ";

    /// <summary>The class name the converted program imports with <c>using static</c>.</summary>
    public const string ClassName = "PolyglotShim";

    /// <summary>The statement that opens cell <paramref name="number"/>: it prints the marker, so a runtime failure names its cell.</summary>
    public static string CellMarker(int number) => $"{ClassName}.Cell({number});";

    /// <summary>The shim's source, placed after the cells (types must follow top-level statements).</summary>
    public const string Source = $$"""
        /// <summary>Polyglot's display helpers as console output, for the notebook check.</summary>
        static class PolyglotShim
        {
            public static void Cell(int number) => System.Console.WriteLine("{{MarkerPrefix}}" + number);

            /// <summary>Polyglot: <c>Microsoft.DotNet.Interactive.Kernel.display</c>.</summary>
            public static DisplayedValue display(object value, params string[] mimeTypes)
            {
                System.Console.WriteLine(Format(value));
                return new DisplayedValue();
            }

            /// <summary>Polyglot: <c>Microsoft.DotNet.Interactive.Kernel.HTML</c>.</summary>
            public static HtmlContent HTML(string content) => new HtmlContent(content);

            internal static string Format(object value)
            {
                if (value is null) return "<null>";
                if (value is string text) return text;
                // Deedle's frames and series format themselves as text tables.
                var format = value.GetType().GetMethod("Format", System.Type.EmptyTypes);
                if (format is not null && format.ReturnType == typeof(string)) return (string)format.Invoke(value, null);
                if (value is System.Collections.IEnumerable items && value.GetType().GetMethod("ToString", System.Type.EmptyTypes)?.DeclaringType == typeof(object))
                {
                    var lines = new System.Text.StringBuilder();
                    foreach (var item in items) lines.AppendLine(item?.ToString());
                    return lines.ToString();
                }
                return value.ToString();
            }
        }

        /// <summary>Polyglot: <c>Microsoft.DotNet.Interactive.DisplayedValue</c>.</summary>
        sealed class DisplayedValue
        {
            public void Update(object value) => System.Console.WriteLine(PolyglotShim.Format(value));
        }

        /// <summary>Polyglot: the <c>IHtmlContent</c> that <c>HTML(s)</c> returns; shown by its size, not its markup.</summary>
        sealed class HtmlContent
        {
            public HtmlContent(string content) => Content = content;

            public string Content { get; }

            public override string ToString() => "[HTML, " + Content.Length + " characters]";
        }
        """;
}
