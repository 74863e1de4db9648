using Monitoring.Core.Instruments;
using Monitoring.Core.Studies;

namespace Monitoring.Core.Results;

/// <summary>ICC(1) and ICC(2) of school means on a scale in one wave (one-way random-effects ANOVA; docs/methods.md).</summary>
public sealed record IntraclassResult(ScaleId Scale, WaveId Wave, int N, int Schools, double MeanSquareBetween, double MeanSquareWithin, double Icc1, double Icc2);
