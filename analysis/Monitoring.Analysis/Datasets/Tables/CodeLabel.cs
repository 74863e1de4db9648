using Monitoring.Core.Studies;

namespace Monitoring.Analysis.Datasets.Tables;

/// <summary>The label of one value of a column: an id's name, or an answer's text (<paramref name="Code"/> as written in the CSV).</summary>
internal sealed record CodeLabel(string Code, LocalizedText Text);
