using System.Text.Json;

namespace Monitoring.Cli.Notebooks;

/// <summary>
/// A Polyglot (.NET Interactive) notebook as stored in an <c>.ipynb</c> file (Jupyter nbformat 4):
/// its cells in order, each code cell with the kernel it runs in.
/// </summary>
/// <param name="Name">The file name, e.g. <c>01-load-and-explore.ipynb</c>.</param>
/// <param name="Cells">Every cell, in order.</param>
internal sealed record Notebook(string Name, IReadOnlyList<NotebookCell> Cells)
{
    /// <summary>The kernel of a code cell that names none: Polyglot's default for a C# notebook.</summary>
    public const string CSharp = "csharp";

    /// <summary>Reads an <c>.ipynb</c> file.</summary>
    /// <exception cref="JsonException">The file is not JSON, or not a notebook (no <c>cells</c> array).</exception>
    public static async Task<Notebook> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var json = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return Parse(Path.GetFileName(path), json);
    }

    /// <summary>Parses the text of an <c>.ipynb</c> file.</summary>
    /// <exception cref="JsonException">The text is not JSON, or not a notebook (no <c>cells</c> array).</exception>
    public static Notebook Parse(string name, string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true });
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("cells", out var cells) || cells.ValueKind != JsonValueKind.Array)
            throw new JsonException($"{name} is not a notebook: it has no \"cells\" array.");
        var defaultKernel = DefaultKernel(root);
        var list = new List<NotebookCell>();
        foreach (var cell in cells.EnumerateArray())
        {
            var isCode = String(cell, "cell_type") == "code";
            var source = Source(cell);
            list.Add(new NotebookCell(list.Count + 1, isCode, isCode ? Kernel(cell) ?? defaultKernel : "", source));
        }
        return new Notebook(name, list);
    }

    // nbformat allows "source" as one string or as a list of lines that keep their own line ends.
    private static string Source(JsonElement cell)
    {
        if (!cell.TryGetProperty("source", out var source)) return "";
        var text = source.ValueKind switch
        {
            JsonValueKind.String => source.GetString()!,
            JsonValueKind.Array => string.Concat(source.EnumerateArray().Select(line => line.GetString())),
            _ => "",
        };
        return text.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static string? Kernel(JsonElement cell)
    {
        if (!cell.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object) return null;
        if (metadata.TryGetProperty("polyglot_notebook", out var polyglot) && String(polyglot, "kernelName") is { Length: > 0 } kernel) return kernel;
        if (metadata.TryGetProperty("dotnet_interactive", out var interactive) && String(interactive, "language") is { Length: > 0 } language) return language;
        return null;
    }

    private static string DefaultKernel(JsonElement root)
    {
        if (root.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object)
        {
            if (metadata.TryGetProperty("polyglot_notebook", out var polyglot) && polyglot.ValueKind == JsonValueKind.Object
                && polyglot.TryGetProperty("kernelInfo", out var info) && String(info, "defaultKernelName") is { Length: > 0 } kernel)
                return kernel;
            if (metadata.TryGetProperty("kernelspec", out var spec) && String(spec, "language") is { } language)
                return language switch { "C#" => CSharp, "F#" => "fsharp", "PowerShell" => "pwsh", _ => language.ToLowerInvariant() };
        }
        return CSharp;
    }

    private static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
