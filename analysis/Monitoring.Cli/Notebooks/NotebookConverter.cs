using System.Text;
using System.Text.RegularExpressions;

namespace Monitoring.Cli.Notebooks;

/// <summary>
/// Turns a C# Polyglot notebook into a .NET 10 file-based app that runs its code cells in order, as
/// one program. Conventions (<c>notebooks/README.md</c>):
/// <list type="bullet">
/// <item><c>#r "nuget: Name, Version"</c> becomes <c>#:package Name@Version</c> (a version is required);</item>
/// <item><c>#r "…/&lt;Project&gt;/bin/&lt;configuration&gt;/&lt;tfm&gt;/&lt;Assembly&gt;.dll"</c>, a project's build output,
/// becomes <c>#:project</c> of <c>&lt;Assembly&gt;.csproj</c> beside <c>bin</c> or in a sibling folder
/// <c>&lt;Assembly&gt;/</c> (so <c>Monitoring.Core.dll</c> in Monitoring.Analysis's output still maps to Monitoring.Core);</item>
/// <item>using directives move to the top; <c>#!csharp</c> and harmless magics (<c>#!time</c>, …) are dropped;</item>
/// <item>each cell starts with a statement that prints its number, and a <c>#line</c> directive names the
/// notebook and cell, so compiler errors and stack traces point into the notebook;</item>
/// <item><see cref="PolyglotShim"/> supplies <c>display(x)</c> and <c>HTML(s)</c>.</item>
/// </list>
/// Lines without an equivalent (other kernels, <c>#i</c>, <c>#load</c>, other magics, a DLL that is no
/// project's output) are reported as problems. Implicit usings are off, as in Polyglot; the kernel's
/// own imports are <see cref="KernelUsings"/>.
/// </summary>
internal static partial class NotebookConverter
{
    /// <summary>The namespaces a Polyglot C# cell can use without a using directive (a conservative subset).</summary>
    public static readonly IReadOnlyList<string> KernelUsings = ["System", "System.Collections.Generic", "System.Linq", "System.Threading.Tasks"];

    // Display and timing helpers of the kernel that do not change what the code computes.
    private static readonly HashSet<string> IgnoredMagics = new(StringComparer.OrdinalIgnoreCase) { "time", "about", "lsmagic", "who", "whos" };

    private static readonly HashSet<string> CSharpNames = new(StringComparer.OrdinalIgnoreCase) { "csharp", "c#" };

    /// <summary>Converts <paramref name="notebook"/>, resolving relative <c>#r</c> paths against <paramref name="notebookDirectory"/>.</summary>
    public static FileBasedApp Convert(Notebook notebook, string notebookDirectory)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentException.ThrowIfNullOrWhiteSpace(notebookDirectory);
        var directives = new List<string>();
        var usings = new List<(string Text, int Cell, int Line)>();
        var body = new StringBuilder();
        var problems = new List<NotebookProblem>();

        foreach (var cell in notebook.Cells.Where(c => c.IsCode))
        {
            var lines = cell.Source.Split('\n');
            var kernel = cell.Kernel;
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                var number = i + 1;
                if (line.StartsWith("#!", StringComparison.Ordinal))
                {
                    var magic = line[2..].Split(' ', 2)[0];
                    if (CSharpNames.Contains(magic)) kernel = Notebook.CSharp;
                    else if (!IgnoredMagics.Contains(magic))
                        problems.Add(new NotebookProblem(cell.Number, number, $"'#!{magic}' has no file-based equivalent: the check runs C# cells only, without magic commands."));
                }
                else if (NugetReference().Match(line) is { Success: true } package)
                {
                    if (package.Groups["version"].Success) Add(directives, $"#:package {package.Groups["name"].Value}@{package.Groups["version"].Value}");
                    else problems.Add(new NotebookProblem(cell.Number, number, $"Pin the package's version: #r \"nuget: {package.Groups["name"].Value}, <version>\"."));
                }
                else if (FileReference().Match(line) is { Success: true } reference)
                {
                    if (ProjectOf(reference.Groups["path"].Value, notebookDirectory) is { } project) Add(directives, $"#:project {project}");
                    else problems.Add(new NotebookProblem(cell.Number, number,
                        $"'{reference.Groups["path"].Value}' is not a project's build output: reference <Project>/bin/<configuration>/<tfm>/<Project>.dll of a project in this repository."));
                }
                else if (line.StartsWith("#i ", StringComparison.Ordinal) || line.StartsWith("#load ", StringComparison.Ordinal))
                {
                    problems.Add(new NotebookProblem(cell.Number, number, $"'{line.Split(' ')[0]}' has no file-based equivalent: use NuGet.Config for package sources, and a project for shared code."));
                }
                else if (UsingDirective().IsMatch(line))
                {
                    if (!usings.Any(u => u.Text == line)) usings.Add((line, cell.Number, number));
                }
                else continue;
                lines[i] = ""; // keeps the cell's line numbers for the #line directive
            }

            if (!CSharpNames.Contains(kernel))
            {
                problems.Add(new NotebookProblem(cell.Number, 1, $"The cell runs in the '{kernel}' kernel: the check runs C# cells only."));
                continue;
            }
            body.Append('\n').Append(PolyglotShim.CellMarker(cell.Number)).Append('\n');
            var code = string.Join('\n', lines).TrimEnd();
            if (code.Length > 0) body.Append($"#line 1 \"{LineFile(notebook, cell.Number)}\"\n").Append(code).Append("\n#line default\n");
        }

        var text = new StringBuilder();
        // The NuGet copy on the build machines lacks some exact versions (NU1603) and has no vulnerability feed (NU1900): see Directory.Build.props.
        text.Append("#:property PublishAot=false\n#:property ImplicitUsings=disable\n#:property Nullable=disable\n#:property NoWarn=$(NoWarn);NU1603;NU1900\n");
        foreach (var directive in directives) text.Append(directive).Append('\n');
        text.Append($"// {notebook.Name}, converted by `monitoring notebooks check`: its C# cells in order, as one program.\n");
        foreach (var name in KernelUsings) text.Append($"using {name};\n");
        text.Append($"using static {PolyglotShim.ClassName};\n");
        foreach (var (line, cell, number) in usings)
            text.Append($"#line {number} \"{LineFile(notebook, cell)}\"\n").Append(line).Append('\n');
        if (usings.Count > 0) text.Append("#line default\n");
        text.Append(body).Append('\n').Append(PolyglotShim.Source).Append('\n');
        return new FileBasedApp(text.ToString(), problems);
    }

    /// <summary>The file name that <c>#line</c> gives cell <paramref name="cell"/>: compiler errors and stack traces show it.</summary>
    public static string LineFile(Notebook notebook, int cell) => $"{notebook.Name} cell {cell}";

    private static void Add(List<string> directives, string directive)
    {
        if (!directives.Contains(directive)) directives.Add(directive);
    }

    private static string? ProjectOf(string reference, string notebookDirectory)
    {
        var path = Path.GetFullPath(Path.Combine(notebookDirectory, reference));
        var output = Path.GetDirectoryName(path);                        // <Project>/bin/<configuration>/<tfm>
        var bin = Path.GetDirectoryName(Path.GetDirectoryName(output));  // <Project>/bin
        if (!path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || bin is null || Path.GetFileName(bin) != "bin") return null;
        var assembly = Path.GetFileNameWithoutExtension(path);
        var projectDirectory = Path.GetDirectoryName(bin)!;
        string?[] candidates =
        [
            Path.Combine(projectDirectory, assembly + ".csproj"),
            Path.GetDirectoryName(projectDirectory) is { } parent ? Path.Combine(parent, assembly, assembly + ".csproj") : null,
        ];
        return candidates.FirstOrDefault(File.Exists);
    }

    [GeneratedRegex("""^#r\s+"nuget:\s*(?<name>[^,"\s]+)\s*(?:,\s*(?<version>[^"\s]+)\s*)?"\s*;?$""")]
    private static partial Regex NugetReference();

    [GeneratedRegex("""^#r\s+"(?!nuget:)(?<path>[^"]+)"\s*;?$""")]
    private static partial Regex FileReference();

    // `using X;`, `using static X;`, `using A = X;` but not the statements `using var x = …;` or `using (…)`.
    [GeneratedRegex("""^using\s+(?:static\s+)?(?:[A-Za-z_]\w*\s*=\s*)?[A-Za-z_][\w.]*(?:<[\w.<>, ]*>)?\s*;\s*(?://.*)?$""")]
    private static partial Regex UsingDirective();
}
