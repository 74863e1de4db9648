using Monitoring.Core.Studies;

namespace Monitoring.Core.Results;

/// <summary>
/// Schools of one network that had profile <see cref="FromProfile"/> in wave <see cref="From"/> and
/// <see cref="ToProfile"/> in the next wave <see cref="To"/> (equal profiles: they stayed).
/// Only schools with a profile in both waves count.
/// </summary>
/// <param name="Network">The network.</param>
/// <param name="From">The earlier wave.</param>
/// <param name="To">The next wave.</param>
/// <param name="FromProfile">The profile in <see cref="From"/>.</param>
/// <param name="ToProfile">The profile in <see cref="To"/>.</param>
/// <param name="Count">How many schools; at least 1.</param>
/// <param name="Schools">Those schools, in the network's order.</param>
public sealed record ProfileTransition(NetworkId Network, WaveId From, WaveId To, int FromProfile, int ToProfile, int Count, IReadOnlyList<SchoolId> Schools);
