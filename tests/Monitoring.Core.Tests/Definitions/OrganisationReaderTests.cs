using System.Text.Json.Nodes;
using Monitoring.Core.Studies;

namespace Monitoring.Core.Tests.Definitions;

/// <summary>The rules checked in organisation.json, through the loader.</summary>
public sealed class OrganisationReaderTests
{
    private const string Organisation = "organisation.json";

    [Fact]
    public async Task TheSampleOrganisationHasItsNetworksSchoolsAndStaffCounts()
    {
        var study = (await Monitoring.Core.Definitions.StudyDefinitionLoader.LoadAsync(Repository.SampleStudy)).Study!;

        var gent = study.FindNetwork(new NetworkId("gent-samen-aan-de-poort"))!;
        Assert.Equal(16, gent.Schools.Count);
        Assert.Equal("expeditie-o", gent.Trajectory.Value);
        Assert.Equal("OVSGplus", study.FindTrajectory(gent.Trajectory)!.Organisation);
        var dko = study.FindSchool(new SchoolId("gent-dko-01"))!;
        Assert.Equal("part-time arts", dko.Kind);
        Assert.Equal((36, 36, 35), (dko.StaffAt(new WaveId("T0")), dko.StaffAt(new WaveId("T1")), dko.StaffAt(new WaveId("T2"))));
        Assert.Null(dko.StaffAt(new WaveId("T9")));
        Assert.Same(gent, study.NetworkOf(dko.Id));
        Assert.Equal(4, study.FindNetwork(new NetworkId("lerend-netwerk-teams-dender"))!.Schools.Count);
        Assert.All(study.Networks, n => Assert.True(n.Schools.Count >= Network.MinimumSchools));
        Assert.All(study.Schools, s => Assert.NotNull(study.NetworkOf(s.Id)));
        Assert.Equal(69, study.Networks.Sum(n => n.Schools.Count));
    }

    [Fact]
    public async Task ASchoolInTwoNetworksIsReportedInTheSecond()
    {
        using var copy = new StudyCopy().Edit(Organisation, o => o["networks"]![3]!["schools"]!.AsArray().Add("kortrijk-so-01"));

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Organisation, "$.networks[3].schools[4]", "school-in-two-networks", "'sg-leiedal'");
    }

    [Fact]
    public async Task ASchoolListedTwiceInOneNetworkIsReported()
    {
        using var copy = new StudyCopy().Edit(Organisation, o => o["networks"]![6]!["schools"]!.AsArray().Add("gent-bs-03"));

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Organisation, "$.networks[6].schools[16]", "duplicate-school");
    }

    [Fact]
    public async Task ANetworkOfThreeSchoolsIsTooSmall()
    {
        using var copy = new StudyCopy().Edit(Organisation, o =>
        {
            var gent = o["networks"]![6]!["schools"]!.AsArray();
            for (var i = 0; i < 3; i++) gent.RemoveAt(gent.Count - 2);
            o["networks"]!.AsArray().Add(JsonNode.Parse("""
                { "id": "gent-klein", "name": "Klein netwerk", "trajectory": "expeditie-o", "schools": ["gent-bs-13", "gent-bs-14", "gent-bs-15"] }
                """));
        });

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Organisation, "$.networks[12].schools", "network-too-small", "3 school(s)");
    }

    [Fact]
    public async Task AnUnknownSchoolInANetworkIsReported()
    {
        using var copy = new StudyCopy().Edit(Organisation, o => o["networks"]![6]!["schools"]!.AsArray().Add("gent-bs-16"));

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Organisation, "$.networks[6].schools[16]", "unknown-school", "'gent-bs-16'");
    }

    [Fact]
    public async Task ASchoolInNoNetworkIsReported()
    {
        using var copy = new StudyCopy().Edit(Organisation, o => o["schools"]!.AsArray().Add(JsonNode.Parse("""
            { "id": "gent-bs-16", "name": "Basisschool De Zestien", "kind": "primary", "staff": { "T0": 20 } }
            """)));

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Organisation, "$.schools[69].id", "school-without-network", "'gent-bs-16'");
    }

    [Fact]
    public async Task AnUnknownTrajectoryIsReported()
    {
        using var copy = new StudyCopy().Edit(Organisation, o => o["networks"]![11]!["trajectory"] = "colibri");

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Organisation, "$.networks[11].trajectory", "unknown-trajectory", "'colibri'");
    }

    [Fact]
    public async Task ADuplicateSchoolIdIsReported()
    {
        using var copy = new StudyCopy().Edit(Organisation, o => o["schools"]!.AsArray().Add(o["schools"]![0]!.DeepClone()));

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Organisation, "$.schools[69].id", "duplicate-id", "'oostende-bs-01'");
    }

    [Fact]
    public async Task ADuplicateNetworkIdIsReported()
    {
        using var copy = new StudyCopy().Edit(Organisation, o => o["networks"]![1]!["id"] = "kust-en-polder");

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Organisation, "$.networks[1].id", "duplicate-id", "'kust-en-polder'");
    }

    [Fact]
    public async Task ADuplicateTrajectoryIdIsReported()
    {
        using var copy = new StudyCopy().Edit(Organisation, o => o["trajectories"]!.AsArray().Add(JsonNode.Parse("""{ "id": "colibru", "name": "COLIBRU bis" }""")));

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Organisation, "$.trajectories[7].id", "duplicate-id", "'colibru'");
    }

    [Fact]
    public async Task AStaffCountForAnUnknownWaveIsReported()
    {
        using var copy = new StudyCopy().Edit(Organisation, o => o["schools"]![0]!["staff"]!["T9"] = 40);

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Organisation, "$.schools[0].staff.T9", "unknown-wave", "'T9'");
    }

    [Fact]
    public async Task AStaffCountOfZeroIsOutOfRange()
    {
        using var copy = new StudyCopy().Edit(Organisation, o => o["schools"]![2]!["staff"]!["T1"] = 0);

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Organisation, "$.schools[2].staff.T1", "out-of-range");
    }

    [Fact]
    public async Task AStaffCountAsTextIsAWrongType()
    {
        using var copy = new StudyCopy().Edit(Organisation, o => o["schools"]![2]!["staff"]!["T1"] = "26");

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Organisation, "$.schools[2].staff.T1", "wrong-type");
    }

    [Fact]
    public async Task AnUnknownStaffCountIsAllowed()
    {
        using var copy = new StudyCopy().Edit(Organisation, o => o["schools"]![0]!["staff"]!.AsObject().Remove("T2"));

        var result = await copy.LoadAsync();

        Assert.Empty(result.Problems);
        Assert.Null(result.Study!.Schools[0].StaffAt(new WaveId("T2")));
    }

    [Fact]
    public async Task ASchoolIdWithASpaceIsABadId()
    {
        using var copy = new StudyCopy().Replace(Organisation, "\"gent-bs-07\"", "\"gent bs 07\"");

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Organisation, $"$.schools[{SchoolIndex("gent-bs-07")}].id", "bad-id", "'gent bs 07'");
    }

    [Fact]
    public async Task ASchoolWithoutNameIsReportedOnce()
    {
        using var copy = new StudyCopy().Edit(Organisation, o => o["schools"]![4]!.AsObject().Remove("name"));

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Organisation, "$.schools[4].name", "missing");
    }

    [Fact]
    public async Task ATrajectoryWithoutNameIsReportedOnce()
    {
        using var copy = new StudyCopy().Edit(Organisation, o => o["trajectories"]![6]!["name"] = " ");

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Organisation, "$.trajectories[6].name", "empty");
    }

    [Fact]
    public async Task AMisspeltSchoolPropertyIsAnUnknownProperty()
    {
        using var copy = new StudyCopy().Edit(Organisation, o =>
        {
            var school = o["schools"]![0]!.AsObject();
            school.Remove("kind");
            school["knid"] = "primary";
        });

        var result = await copy.LoadAsync();

        ProblemAssert.Only(result, Organisation, "$.schools[0].knid", "unknown-property");
    }

    [Fact]
    public async Task MissingNetworksAreReported()
    {
        using var copy = new StudyCopy().Edit(Organisation, o => o.Remove("networks"));

        var result = await copy.LoadAsync();

        ProblemAssert.Has(result, Organisation, "$.networks", "missing");
    }

    private static int SchoolIndex(string id)
    {
        var schools = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.SampleStudy, Organisation)))!["schools"]!.AsArray();
        return schools.Select((s, i) => (Id: s!["id"]!.GetValue<string>(), i)).Single(p => p.Id == id).i;
    }
}
