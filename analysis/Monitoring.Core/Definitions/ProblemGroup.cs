namespace Monitoring.Core.Definitions;

/// <summary>A problem to fix first, and the problems that follow from it (<see cref="DefinitionProblem.Cause"/>).</summary>
/// <param name="Cause">The problem that causes the others.</param>
/// <param name="FollowOns">The problems that follow from it, in file order; empty when it causes none.</param>
public sealed record ProblemGroup(DefinitionProblem Cause, IReadOnlyList<DefinitionProblem> FollowOns);
