using System.Xml.Linq;
using Monitoring.Functions.Hosting;
using Monitoring.Functions.Tests.Support;

namespace Monitoring.Functions.Tests.Worker;

/// <summary>The app that scales out with submissions carries no analysis stack (design decision 1 and 3).</summary>
public sealed class CollectionAppConventionTests
{
    private static readonly string[] AnalysisStack = ["Microsoft.ML", "ScottPlot", "SkiaSharp", "Deedle", "FSharp.Core", "MathNet", "CsvHelper"];

    private static readonly string[] AnalysisProjects = ["Monitoring.Batch", "Monitoring.Analysis", "Monitoring.Profiles", "Monitoring.Reports"];

    [Fact]
    public void TheCollectionWorkersOutputFolderHasNoAnalysisLibrary()
    {
        var output = WorkerApps.Output(WorkerApps.Collection);

        var files = Directory.GetFiles(output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f)).ToArray();
        var heavy = files.Where(f => AnalysisStack.Concat(AnalysisProjects).Any(p => Path.GetFileName(f).StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToArray();
        Assert.True(heavy.Length == 0, $"{output} holds {string.Join(", ", heavy)}.");
        var deps = File.ReadAllText(Path.Combine(output, WorkerApps.Collection + ".deps.json"));
        Assert.All(AnalysisStack.Concat(AnalysisProjects), name => Assert.DoesNotContain($"\"{name}", deps, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Monitoring.Functions.dll", files);
        Assert.Contains("Microsoft.Azure.Functions.Worker.dll", files);
    }

    [Fact]
    public void TheHandlerLibraryReferencesOnlyCoreAndStorage()
    {
        var project = XDocument.Load(Path.Combine(Repository.Root, "functions", "Monitoring.Functions", "Monitoring.Functions.csproj"));

        var projects = project.Descendants().Where(e => e.Name.LocalName == "ProjectReference").Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value)).Order();
        Assert.Equal(["Monitoring.Core", "Monitoring.Storage"], projects);
        Assert.DoesNotContain(project.Descendants(), e => e.Name.LocalName == "PackageReference");
        var assemblies = typeof(CollectionApp).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        var heavy = assemblies.Where(a => AnalysisStack.Concat(AnalysisProjects).Any(p => a.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToArray();
        Assert.True(heavy.Length == 0, $"Monitoring.Functions references {string.Join(", ", heavy)}.");
    }

    [Fact]
    public void TheCollectionWorkerReferencesTheHandlerLibraryOnly()
    {
        var project = XDocument.Load(Path.Combine(WorkerApps.Project(WorkerApps.Collection), WorkerApps.Collection + ".csproj"));

        Assert.Equal(["Monitoring.Functions"], project.Descendants().Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value)));
    }
}
