using System.Reflection;
using System.Xml.Linq;
using Monitoring.Core.Studies;

namespace Monitoring.Core.Tests;

/// <summary>Architecture rules as tests (as ScottPlot's CodeTests): Core stays free of packages.</summary>
public sealed class ConventionTests
{
    private static readonly string[] Denied =
        ["Deedle", "Microsoft.ML", "ScottPlot", "Azure.", "CsvHelper", "Microsoft.AspNetCore", "FSharp.Core", "MathNet.", "System.CommandLine", "SkiaSharp", "Newtonsoft."];

    [Fact]
    public void CoreReferencesOnlyFrameworkAssemblies()
    {
        var references = typeof(Study).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.Contains("System.Runtime", references);
        var heavy = references.Where(name => Denied.Any(d => name.StartsWith(d, StringComparison.OrdinalIgnoreCase))).ToArray();
        Assert.True(heavy.Length == 0, $"Monitoring.Core references {string.Join(", ", heavy)}.");
        var nonFramework = references.Where(name => !name.StartsWith("System", StringComparison.Ordinal) && !name.StartsWith("Microsoft.", StringComparison.Ordinal) && name != "netstandard").ToArray();
        Assert.True(nonFramework.Length == 0, $"Monitoring.Core references non-framework assemblies: {string.Join(", ", nonFramework)}.");
    }

    [Fact]
    public void CoreReferencedAssembliesAllComeFromTheSharedFramework()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;

        foreach (var reference in typeof(Study).Assembly.GetReferencedAssemblies())
        {
            var loaded = Assembly.Load(reference);
            Assert.True(Path.GetDirectoryName(loaded.Location) == frameworkDirectory, $"{reference.Name} is loaded from {loaded.Location}, not from the shared framework.");
        }
    }

    [Fact]
    public void TheCoreProjectHasNoPackageOrProjectReferences()
    {
        var project = XDocument.Load(Path.Combine(Repository.Root, "analysis", "Monitoring.Core", "Monitoring.Core.csproj"));

        var references = project.Descendants().Where(e => e.Name.LocalName is "PackageReference" or "ProjectReference" or "Reference").Select(e => e.ToString()).ToArray();
        Assert.True(references.Length == 0, $"Monitoring.Core.csproj has references: {string.Join(" ", references)}");
    }
}
