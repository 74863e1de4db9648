namespace Monitoring.Batch;

/// <summary>Why a batch run stopped before it published anything.</summary>
public enum BatchFailure
{
    /// <summary>The run succeeded.</summary>
    None,

    /// <summary>The study definition has problems (<see cref="BatchRunResult.Definition"/>).</summary>
    Definition,

    /// <summary>The responses cannot be read as a whole (<see cref="BatchRunResult.InputProblems"/>).</summary>
    Input,

    /// <summary>The outputs cannot be written where asked (<see cref="BatchRunResult.OutputProblem"/>).</summary>
    Output,
}
