using Monitoring.Core.Instruments;
using Monitoring.Core.Studies;

namespace Monitoring.Core.Results;

/// <summary>Cronbach's alpha of one scale in one wave, computed as R's psych <c>alpha()</c> does (docs/methods.md).</summary>
/// <param name="Scale">The scale.</param>
/// <param name="Wave">The wave.</param>
/// <param name="N">Responses with at least one answered item of the scale.</param>
/// <param name="K">Items in the scale.</param>
/// <param name="RawAlpha">Alpha from the item covariances.</param>
/// <param name="StandardizedAlpha">Alpha from the item correlations.</param>
/// <param name="MeanInterItemCorrelation">The mean inter-item correlation.</param>
/// <param name="Items">Per item: alpha if deleted and corrected item–total correlation.</param>
/// <param name="Omega">McDonald's ω total from the one-factor model of the wave's complete cases; NaN without a fit.</param>
/// <param name="OmegaN">Complete cases (every item answered) the one-factor model rests on.</param>
public sealed record ScaleReliability(ScaleId Scale, WaveId Wave, int N, int K, double RawAlpha, double StandardizedAlpha,
    double MeanInterItemCorrelation, IReadOnlyList<ItemStatistic> Items, double Omega = double.NaN, long OmegaN = 0);

/// <summary>One item's statistics within its scale.</summary>
/// <param name="Item">The item.</param>
/// <param name="N">Responses that answered it.</param>
/// <param name="AlphaIfDeleted">Raw alpha of the scale without this item.</param>
/// <param name="CorrectedItemTotalCorrelation">Correlation of the item with the sum of the other items (psych's r.drop).</param>
public sealed record ItemStatistic(ItemId Item, int N, double AlphaIfDeleted, double CorrectedItemTotalCorrelation);
