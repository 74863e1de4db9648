using Monitoring.Core.Studies;

namespace Monitoring.Batch.Outputs;

/// <summary>Names the files of a run: each file's kind follows from its name, a network's report from the network's file name.</summary>
internal static class BatchOutputs
{
    public static IReadOnlyList<BatchOutput> Of(IReadOnlyList<string> files, IReadOnlyDictionary<NetworkId, string> networkReports)
    {
        var networks = networkReports.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
        var outputs = new List<BatchOutput>(files.Count);
        foreach (var file in files)
        {
            if (networks.TryGetValue(file, out var network)) outputs.Add(new BatchOutput(file, BatchOutputKind.NetworkReport, network));
            else if (file == "manifest.json") outputs.Add(new BatchOutput(file, BatchOutputKind.Manifest));
            else if (file.StartsWith("reports/", StringComparison.Ordinal)) outputs.Add(new BatchOutput(file, BatchOutputKind.Report));
            else outputs.Add(new BatchOutput(file, BatchOutputKind.Dataset));
        }
        return outputs;
    }
}
