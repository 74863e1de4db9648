namespace Monitoring.Storage.Tests.Files;

/// <summary>A test that mounts a file system: skipped, with the reason, when the tests do not run as root (CI does).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
            Skip = "Needs root on Linux to mount a small tmpfs (CI runs as root): run the tests as root to include the full-disk test.";
    }
}
