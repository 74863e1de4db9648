namespace Monitoring.Functions.Tests.Support;

/// <summary>Tests that measure time run alone, after the others, so no other test's load counts as theirs.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "timing";
}
