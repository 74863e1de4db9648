namespace Monitoring.Analysis.Measurement;

/// <summary>One latent factor: its name and the indices of its items in the model's item list (marker first).</summary>
/// <param name="Name">The factor's name, as in lavaan syntax (<c>visual =~ x1 + x2 + x3</c>).</param>
/// <param name="Items">Its items' indices; the first is the marker.</param>
public sealed record Factor(string Name, IReadOnlyList<int> Items);
