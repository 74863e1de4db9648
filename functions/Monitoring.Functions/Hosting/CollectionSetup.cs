using Monitoring.Core.Definitions;
using Monitoring.Core.Studies;

namespace Monitoring.Functions.Hosting;

/// <summary>What <see cref="CollectionApp.AddCollectionAsync"/> read and validated: the options and the loaded study.</summary>
/// <param name="Options">The validated options (section "Monitoring").</param>
/// <param name="Definition">The valid study definition, with its hash.</param>
/// <param name="StudyPath">The study definition folder, full path.</param>
public sealed record CollectionSetup(MonitoringOptions Options, DefinitionResult Definition, string StudyPath)
{
    /// <summary>The study.</summary>
    public Study Study => Definition.Study ?? throw new InvalidOperationException("The study definition is not valid.");

    /// <summary>How many orphaned temporary files (of writes a killed process never finished) the file store removed.</summary>
    public int OrphansRemoved { get; init; }
}
