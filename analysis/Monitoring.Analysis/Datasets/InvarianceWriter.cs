using Monitoring.Core.Results;

namespace Monitoring.Analysis.Datasets;

/// <summary>Writes <c>invariance.csv</c>: per scale and grouping, one row per invariance step (docs/formats.md).</summary>
internal static class InvarianceWriter
{
    public static void Write(string path, BatchResults results)
    {
        using var csv = CsvFiles.Create(path);
        CsvFiles.Header(csv, DatasetColumns.Invariance);
        foreach (var scale in results.Invariance)
        {
            foreach (var step in scale.Steps)
            {
                csv.WriteField(scale.Scale.Value);
                csv.WriteField(scale.Grouping);
                csv.WriteField(string.Join(' ', scale.Groups));
                csv.WriteField(step.Level.ToString().ToLowerInvariant());
                csv.WriteField(step.N);
                CsvFiles.Number(csv, step.ChiSquare);
                csv.WriteField(step.DegreesOfFreedom);
                CsvFiles.Number(csv, step.PValue);
                CsvFiles.Number(csv, step.Cfi);
                CsvFiles.Number(csv, step.Tli);
                CsvFiles.Number(csv, step.Rmsea);
                CsvFiles.Number(csv, step.RmseaLower);
                CsvFiles.Number(csv, step.RmseaUpper);
                CsvFiles.Number(csv, step.Srmr);
                CsvFiles.Number(csv, step.DeltaCfi);
                CsvFiles.Number(csv, step.DeltaRmsea);
                if (step.Holds is { } holds) CsvFiles.Bool(csv, holds);
                else csv.WriteField("");
                csv.EndRecord();
            }
        }
    }
}
