using System.Text.Json;
using Monitoring.Core.Studies;

namespace Monitoring.Core.Definitions;

/// <summary>Reads organisation.json: trajectories, networks and schools.</summary>
internal static class OrganisationReader
{
    public sealed record Organisation(List<Trajectory> Trajectories, List<Network> Networks, List<School> Schools, bool Complete);

    public static Organisation Read(JsonWalker json, JsonElement root, IReadOnlySet<string> waveIds)
    {
        const string path = "$";
        var complete = true;
        var trajectories = new List<Trajectory>();
        var networks = new List<Network>();
        var schools = new List<School>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            json.Problem(path, "wrong-type", "organisation.json must hold one JSON object.");
            return new Organisation(trajectories, networks, schools, false);
        }
        json.RejectUnknown(root, path, "trajectories", "networks", "schools");
        // References resolve against every id written, also of an entry broken otherwise: one mistake, one problem.
        var declaredTrajectories = JsonWalker.DeclaredIds(root, "trajectories");
        var declaredSchools = JsonWalker.DeclaredIds(root, "schools");

        var trajectoryIds = new HashSet<string>(StringComparer.Ordinal);
        var schoolIds = new HashSet<string>(StringComparer.Ordinal);
        var networkIds = new HashSet<string>(StringComparer.Ordinal);
        var tPath = JsonWalker.Child(path, "trajectories");
        var tElements = json.Array(root, "trajectories", path, required: true, nonEmpty: true);
        for (var i = 0; i < tElements.Count; i++)
        {
            var p = JsonWalker.Index(tPath, i);
            var e = tElements[i];
            if (e.ValueKind != JsonValueKind.Object) { json.Problem(p, "wrong-type", "A trajectory must be an object."); complete = false; continue; }
            json.RejectUnknown(e, p, "id", "name", "organisation");
            var id = json.Id(e, "id", p);
            var name = json.String(e, "name", p, required: true);
            var organisation = json.String(e, "organisation", p, required: false);
            if (id is null || name is null) { complete = false; continue; }
            if (!trajectoryIds.Add(id)) { json.Problem(JsonWalker.Child(p, "id"), "duplicate-id", $"Trajectory '{id}' is defined twice."); complete = false; continue; }
            trajectories.Add(new Trajectory(new TrajectoryId(id), name, organisation));
        }

        var sPath = JsonWalker.Child(path, "schools");
        var sElements = json.Array(root, "schools", path, required: true, nonEmpty: true);
        for (var i = 0; i < sElements.Count; i++)
        {
            var p = JsonWalker.Index(sPath, i);
            var e = sElements[i];
            if (e.ValueKind != JsonValueKind.Object) { json.Problem(p, "wrong-type", "A school must be an object."); complete = false; continue; }
            json.RejectUnknown(e, p, "id", "name", "kind", "staff");
            var id = json.Id(e, "id", p);
            var name = json.String(e, "name", p, required: true);
            var kind = json.String(e, "kind", p, required: false);
            var staff = new Dictionary<WaveId, int>();
            if (json.TryObject(e, "staff", p, required: false, out var staffElement))
                foreach (var entry in staffElement.EnumerateObject())
                {
                    var ep = JsonWalker.Child(JsonWalker.Child(p, "staff"), entry.Name);
                    if (waveIds.Count > 0 && !waveIds.Contains(entry.Name))
                        json.Problem(ep, "unknown-wave", $"Staff count for wave '{entry.Name}', which study.json does not define.");
                    var count = json.Int(entry.Value, ep, min: 1);
                    if (count is not null) staff[new WaveId(entry.Name)] = count.Value;
                }
            if (id is null || name is null) { complete = false; continue; }
            if (!schoolIds.Add(id)) { json.Problem(JsonWalker.Child(p, "id"), "duplicate-id", $"School '{id}' is defined twice."); complete = false; continue; }
            schools.Add(new School(new SchoolId(id), name, kind, staff));
        }

        var nPath = JsonWalker.Child(path, "networks");
        var nElements = json.Array(root, "networks", path, required: true, nonEmpty: true);
        var networkOf = new Dictionary<string, string>();
        for (var i = 0; i < nElements.Count; i++)
        {
            var p = JsonWalker.Index(nPath, i);
            var e = nElements[i];
            if (e.ValueKind != JsonValueKind.Object) { json.Problem(p, "wrong-type", "A network must be an object."); complete = false; continue; }
            json.RejectUnknown(e, p, "id", "name", "trajectory", "schools");
            var id = json.Id(e, "id", p);
            var name = json.String(e, "name", p, required: true);
            var trajectory = json.String(e, "trajectory", p, required: true);
            if (trajectory is not null && declaredTrajectories.Count > 0 && !declaredTrajectories.Contains(trajectory))
            {
                json.Problem(JsonWalker.Child(p, "trajectory"), "unknown-trajectory", $"Network '{id}' follows trajectory '{trajectory}', which is not defined.");
                trajectory = null;
            }
            var members = new List<SchoolId>();
            var mPath = JsonWalker.Child(p, "schools");
            var mElements = json.Array(e, "schools", p, required: true);
            for (var j = 0; j < mElements.Count; j++)
            {
                var mp = JsonWalker.Index(mPath, j);
                var school = json.String(mElements[j], mp);
                if (school is null) { complete = false; continue; }
                if (!declaredSchools.Contains(school))
                {
                    json.Problem(mp, "unknown-school", $"Network '{id}' lists school '{school}', which is not defined under 'schools'.");
                    complete = false;
                    continue;
                }
                if (networkOf.TryGetValue(school, out var other))
                {
                    json.Problem(mp, other == id ? "duplicate-school" : "school-in-two-networks", other == id
                        ? $"Network '{id}' lists school '{school}' twice."
                        : $"School '{school}' is in network '{other}' and in network '{id}'; a school belongs to one network.");
                    complete = false;
                    continue;
                }
                networkOf[school] = id ?? "?";
                members.Add(new SchoolId(school));
            }
            if (mElements.Count < Network.MinimumSchools)
            {
                json.Problem(mPath, "network-too-small", $"Network '{id}' has {mElements.Count} school(s); a network has at least {Network.MinimumSchools}.");
                complete = false;
                continue;
            }
            if (id is null || name is null || trajectory is null || members.Count < Network.MinimumSchools) { complete = false; continue; }
            if (!networkIds.Add(id)) { json.Problem(JsonWalker.Child(p, "id"), "duplicate-id", $"Network '{id}' is defined twice."); complete = false; continue; }
            networks.Add(new Network(new NetworkId(id), name, new TrajectoryId(trajectory), members));
        }

        for (var i = 0; i < sElements.Count; i++)
        {
            var e = sElements[i];
            if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String
                && !networkOf.ContainsKey(idElement.GetString()!))
            {
                json.Problem(JsonWalker.Child(JsonWalker.Index(sPath, i), "id"), "school-without-network",
                    $"School '{idElement.GetString()}' is in no network; every school belongs to exactly one network.");
                complete = false;
            }
        }
        return new Organisation(trajectories, networks, schools, complete);
    }
}
