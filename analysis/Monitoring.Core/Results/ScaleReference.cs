using Monitoring.Core.Instruments;

namespace Monitoring.Core.Results;

/// <summary>
/// The standardization reference of one leaf scale: a school mean x becomes z = (x − <see cref="Mean"/>) / <see cref="StandardDeviation"/>.
/// </summary>
/// <param name="Scale">The leaf scale.</param>
/// <param name="Mean">The unweighted mean of the baseline school means, on the scale's response range.</param>
/// <param name="StandardDeviation">Their sample standard deviation (n − 1); positive.</param>
/// <param name="Schools">How many baseline school means they rest on.</param>
public sealed record ScaleReference(ScaleId Scale, double Mean, double StandardDeviation, int Schools);
