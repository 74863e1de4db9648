using Monitoring.Core.Studies;

namespace Monitoring.Batch.Outputs;

/// <summary>One output of a batch run, by name.</summary>
/// <param name="Name">Its slash-separated name relative to the run's output folder, e.g. <c>datasets/responses.csv</c>.</param>
/// <param name="Kind">What it is for.</param>
/// <param name="Network">The network of a <see cref="BatchOutputKind.NetworkReport"/>; null otherwise.</param>
public sealed record BatchOutput(string Name, BatchOutputKind Kind, NetworkId? Network = null);
