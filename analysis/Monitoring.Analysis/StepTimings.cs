using System.Diagnostics;

namespace Monitoring.Analysis;

/// <summary>Times the batch's steps and reports each as it finishes (for the terminal and the manifest).</summary>
/// <param name="report">Called after each step with its name, duration and a one-line summary; may be null for quiet runs.</param>
public sealed class StepTimings(Action<string, TimeSpan, string>? report = null)
{
    private readonly List<(string Step, TimeSpan Elapsed, string Summary)> _steps = [];

    /// <summary>The finished steps in order.</summary>
    public IReadOnlyList<(string Step, TimeSpan Elapsed, string Summary)> Steps => _steps;

    /// <summary>Runs <paramref name="work"/> as step <paramref name="name"/>.</summary>
    public T Measure<T>(string name, Func<T> work, Func<T, string> summary)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(summary);
        var clock = Stopwatch.StartNew();
        var result = work();
        Record(name, clock.Elapsed, summary(result));
        return result;
    }

    /// <summary>Runs asynchronous <paramref name="work"/> as step <paramref name="name"/>.</summary>
    public async Task<T> MeasureAsync<T>(string name, Func<Task<T>> work, Func<T, string> summary)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(summary);
        var clock = Stopwatch.StartNew();
        var result = await work().ConfigureAwait(false);
        Record(name, clock.Elapsed, summary(result));
        return result;
    }

    /// <summary>Records a step timed elsewhere.</summary>
    public void Record(string name, TimeSpan elapsed, string summary)
    {
        _steps.Add((name, elapsed, summary));
        report?.Invoke(name, elapsed, summary);
    }
}
