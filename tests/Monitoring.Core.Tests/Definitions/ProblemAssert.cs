using Monitoring.Core.Definitions;

namespace Monitoring.Core.Tests.Definitions;

/// <summary>Assertions on a <see cref="DefinitionResult"/>'s problems that print every problem when they fail.</summary>
internal static class ProblemAssert
{
    /// <summary>The definition is invalid with exactly this one problem.</summary>
    public static DefinitionProblem Only(DefinitionResult result, string file, string path, string code, string? messageContains = null)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Study);
        var listed = string.Join(Environment.NewLine, result.Problems);
        Assert.True(result.Problems.Count == 1, $"Expected exactly one problem, got {result.Problems.Count}:{Environment.NewLine}{listed}");
        var problem = result.Problems[0];
        Assert.Equal((file, path, code), (problem.File, problem.Path, problem.Code));
        if (messageContains is not null) Assert.Contains(messageContains, problem.Message, StringComparison.Ordinal);
        return problem;
    }

    /// <summary>The definition is invalid and has this problem among others.</summary>
    public static DefinitionProblem Has(DefinitionResult result, string file, string path, string code)
    {
        Assert.False(result.IsValid);
        var match = result.Problems.FirstOrDefault(p => p.File == file && p.Path == path && p.Code == code);
        Assert.True(match is not null, $"No problem {file} {path} [{code}] among:{Environment.NewLine}{string.Join(Environment.NewLine, result.Problems)}");
        return match;
    }
}
