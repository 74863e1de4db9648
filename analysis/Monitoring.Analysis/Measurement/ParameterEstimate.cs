namespace Monitoring.Analysis.Measurement;

/// <summary>
/// One parameter of a fitted model, named as a row of lavaan's <c>parameterEstimates()</c>
/// (<c>lhs op rhs</c>, group from 1).
/// </summary>
/// <param name="Left">lavaan's lhs: a factor or an item.</param>
/// <param name="Operator"><c>=~</c> loading, <c>~~</c> (co)variance, <c>~1</c> intercept or mean.</param>
/// <param name="Right">lavaan's rhs (empty for <c>~1</c>).</param>
/// <param name="Group">The group, from 1.</param>
/// <param name="Free">False for a fixed parameter (marker loading, a fixed factor mean).</param>
/// <param name="Estimate">The unstandardized estimate.</param>
/// <param name="StandardError">Its standard error from the expected information; 0 when fixed.</param>
/// <param name="Standardized">lavaan's <c>std.all</c>.</param>
/// <param name="StandardizedError">The standard error of <c>std.all</c> by the delta method.</param>
public sealed record ParameterEstimate(string Left, string Operator, string Right, int Group, bool Free,
    double Estimate, double StandardError, double Standardized, double StandardizedError)
{
    /// <summary>The key <c>lhs op rhs</c>, e.g. <c>visual=~x2</c> or <c>x1~1</c>.</summary>
    public string Key => Left + Operator + Right;
}
