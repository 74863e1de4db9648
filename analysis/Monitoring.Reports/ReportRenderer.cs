using Monitoring.Core.Studies;
using Monitoring.Reports.Html;

namespace Monitoring.Reports;

/// <summary>
/// Writes the HTML reports of one run: <c>{network-id}.html</c> for every network (for its coordinator),
/// <c>trajectory-{id}.html</c> per trajectory and <c>study.html</c> (for researchers), and <c>index.html</c>.
/// Each file stands alone: charts are inline SVG drawn by ScottPlot, styles are inline, nothing refers to
/// the internet. Suppressed values never appear; the reports say why they are missing.
/// </summary>
public static class ReportRenderer
{
    /// <summary>The file name of <paramref name="network"/>'s coordinator report among the pages <see cref="RenderAll"/> writes.</summary>
    public static string NetworkFileName(NetworkId network) => FileNames.Network(network);

    /// <summary>
    /// Renders every report into <paramref name="outputDirectory"/> (created when missing; files of the
    /// same names are replaced). CPU-bound: pages are rendered in parallel and written as they finish.
    /// The same input gives the same bytes.
    /// </summary>
    /// <returns>The paths written: index, study, trajectories in study order, then networks in study order.</returns>
    /// <exception cref="ArgumentException">When the options are invalid, or two network ids map to one file name.</exception>
    public static IReadOnlyList<string> RenderAll(ReportInput input, string outputDirectory, ReportOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        options ??= new ReportOptions();
        options.Validate();
        var study = input.Results.Study;
        var networkFiles = study.Networks.Select(n => Path.Combine(outputDirectory, FileNames.Network(n.Id))).ToArray();
        var clash = networkFiles.GroupBy(f => f, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new ArgumentException($"Two networks would share the report file '{Path.GetFileName(clash.Key)}'; give them ids that differ in letters or digits.", nameof(input));

        Directory.CreateDirectory(outputDirectory);
        var context = new ReportContext(input, options);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = context.Parallelism.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        var trajectoryFiles = study.Trajectories.Select(t => Path.Combine(outputDirectory, FileNames.Trajectory(t.Id))).ToArray();
        var index = Path.Combine(outputDirectory, FileNames.Index);
        var studyFile = Path.Combine(outputDirectory, FileNames.Study);

        // Researchers' pages render many full charts each: start them first so they overlap with the networks.
        var pages = new List<(Action<HtmlWriter> Write, string Path)>
        {
            (html => StudyPage.Write(html, context), studyFile),
        };
        pages.AddRange(study.Trajectories.Select((t, i) => ((Action<HtmlWriter>)(html => TrajectoryPage.Write(html, context, t)), trajectoryFiles[i])));
        pages.AddRange(study.Networks.Select((n, i) => ((Action<HtmlWriter>)(html => NetworkPage.Write(html, context, n)), networkFiles[i])));
        pages.Add((html => IndexPage.Write(html, context), index));
        Parallel.ForEach(pages, parallel, page => Write(page.Write, page.Path));

        return [index, studyFile, .. trajectoryFiles, .. networkFiles];
    }

    private static void Write(Action<HtmlWriter> page, string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var html = new HtmlWriter(stream);
        page(html);
    }
}
