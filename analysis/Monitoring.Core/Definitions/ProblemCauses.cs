namespace Monitoring.Core.Definitions;

/// <summary>Links the problems of a definition that follow from another one to it, so that the cause is read first.</summary>
internal static class ProblemCauses
{
    /// <summary><paramref name="problems"/> (in file order) with <see cref="DefinitionProblem.Cause"/> set on the follow-ons.</summary>
    public static DefinitionProblem[] Link(IReadOnlyList<DefinitionProblem> problems)
    {
        // A wave id written twice is usually a wave renamed by mistake: every reference to its old id is then unknown.
        var duplicatedWave = problems.FirstOrDefault(p => p.Code == "duplicate-id" && p.File == StudyDefinitionLoader.StudyFileName
            && p.Path.StartsWith("$.waves[", StringComparison.Ordinal));
        var roots = new Dictionary<(string Code, string Message), DefinitionProblem>();
        var linked = new DefinitionProblem[problems.Count];
        for (var i = 0; i < problems.Count; i++)
        {
            var problem = problems[i];
            if (duplicatedWave is not null && problem.Code == "unknown-wave") linked[i] = problem with { Cause = duplicatedWave };
            else if (roots.TryGetValue((problem.Code, problem.Message), out var first)) linked[i] = problem with { Cause = first };
            else
            {
                roots[(problem.Code, problem.Message)] = problem;
                linked[i] = problem;
            }
        }
        return linked;
    }

    /// <summary>Each cause, in file order, with the problems that follow from it.</summary>
    public static ProblemGroup[] Group(IReadOnlyList<DefinitionProblem> linked)
    {
        var followOns = linked.Where(p => p.Cause is not null).ToLookup(p => p.Cause!, ReferenceEqualityComparer.Instance);
        return linked.Where(p => p.Cause is null).Select(p => new ProblemGroup(p, followOns[p].ToArray())).ToArray();
    }
}
