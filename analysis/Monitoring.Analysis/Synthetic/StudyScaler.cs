using Monitoring.Core.Studies;

namespace Monitoring.Analysis.Synthetic;

/// <summary>Makes a larger study by repeating every network with new, suffixed network and school ids.</summary>
public static class StudyScaler
{
    /// <summary>
    /// A study with <paramref name="factor"/> copies of every network: copy 1 keeps the original ids,
    /// copy k gets ids suffixed "-r{k}" and names suffixed " ({k})". Everything else is unchanged.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="factor"/> is below 1.</exception>
    public static Study Replicate(Study study, int factor)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        if (factor == 1) return study;
        var networks = new List<Network>();
        var schools = new List<School>();
        for (var k = 1; k <= factor; k++)
        {
            var suffix = k == 1 ? "" : $"-r{k}";
            var nameSuffix = k == 1 ? "" : $" ({k})";
            foreach (var network in study.Networks)
            {
                var members = network.Schools.Select(s => new SchoolId(s.Value + suffix)).ToArray();
                networks.Add(new Network(new NetworkId(network.Id.Value + suffix), network.Name + nameSuffix, network.Trajectory, members));
                foreach (var id in network.Schools)
                {
                    var school = study.FindSchool(id)!;
                    schools.Add(school with { Id = new SchoolId(id.Value + suffix), Name = school.Name + nameSuffix });
                }
            }
        }
        return new Study(study.Id, study.Name, study.Trajectories, networks, schools, study.Roles, study.Waves, study.Instruments, study.Analysis);
    }
}
