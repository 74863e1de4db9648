namespace Monitoring.Functions.Hosting;

/// <summary>A clock that starts at a chosen instant and runs on in real time (<see cref="MonitoringOptions.ClockStart"/>).</summary>
internal sealed class ShiftedTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _shift = start - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
}
