using System.Text;
using Monitoring.Core.Studies;

namespace Monitoring.Analysis.Datasets;

/// <summary>The UTF-8 text of a study's ids, by the indexes a <see cref="Responses.ResponseTable"/> holds, encoded once rather than per field.</summary>
internal sealed class StudyTexts
{
    public StudyTexts(Study study)
    {
        var schools = study.Schools.Count;
        Schools = new byte[schools][];
        Networks = new byte[schools][];
        Trajectories = new byte[schools][];
        for (var s = 0; s < schools; s++)
        {
            var network = study.NetworkOf(study.Schools[s].Id)!;
            Schools[s] = Encoding.UTF8.GetBytes(study.Schools[s].Id.Value);
            Networks[s] = Encoding.UTF8.GetBytes(network.Id.Value);
            Trajectories[s] = Encoding.UTF8.GetBytes(network.Trajectory.Value);
        }
        Waves = study.Waves.Select(w => Encoding.UTF8.GetBytes(w.Id.Value)).ToArray();
        Roles = study.Roles.Select(r => Encoding.UTF8.GetBytes(r.Id.Value)).ToArray();
    }

    /// <summary>[school index]: the school's id.</summary>
    public byte[][] Schools { get; }

    /// <summary>[school index]: the id of the school's network.</summary>
    public byte[][] Networks { get; }

    /// <summary>[school index]: the trajectory of the school's network.</summary>
    public byte[][] Trajectories { get; }

    /// <summary>[wave index]: the wave's id.</summary>
    public byte[][] Waves { get; }

    /// <summary>[role index]: the role's id.</summary>
    public byte[][] Roles { get; }
}
