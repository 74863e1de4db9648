using System.Text.Json.Nodes;
using Monitoring.Core.Definitions;
using Monitoring.Core.Studies;

namespace Monitoring.Core.Tests.Definitions;

public sealed class OrganisationWriterTests
{
    [Fact]
    public async Task TheSampleOrganisationWrittenOutLoadsBackTheSame()
    {
        var original = (await StudyDefinitionLoader.LoadAsync(Repository.SampleStudy)).Study!;
        using var copy = new StudyCopy();
        await using (var file = File.Create(copy.PathOf("organisation.json")))
            await OrganisationWriter.WriteAsync(original, file);

        var result = await copy.LoadAsync();

        Assert.Empty(result.Problems);
        var loaded = result.Study!;
        Assert.Equal(original.Trajectories, loaded.Trajectories);
        Assert.Equal(original.Networks.Select(DescribeNetwork), loaded.Networks.Select(DescribeNetwork));
        Assert.Equal(original.Schools.Select(DescribeSchool), loaded.Schools.Select(DescribeSchool));

        static string DescribeNetwork(Network n) => $"{n.Id}|{n.Name}|{n.Trajectory}|{string.Join(",", n.Schools)}";
        string DescribeSchool(School s) => $"{s.Id}|{s.Name}|{s.Kind}|{string.Join(",", original.Waves.Select(w => s.StaffAt(w.Id)))}";
    }

    [Fact]
    public async Task WrittenJsonKeepsAccentsAndQuotesReadable()
    {
        var original = (await StudyDefinitionLoader.LoadAsync(Repository.SampleStudy)).Study!;
        using var stream = new MemoryStream();

        await OrganisationWriter.WriteAsync(original, stream);

        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.Contains("\"name\": \"Basisschool 't Polderhuis\"", text, StringComparison.Ordinal);
        var json = JsonNode.Parse(text)!;
        Assert.Equal(69, json["schools"]!.AsArray().Count);
        Assert.Equal(41, json["schools"]![0]!["staff"]!["T0"]!.GetValue<int>());
    }

    [Fact]
    public async Task SchoolsWithoutKindOrStaffCountsAreWrittenWithoutThem()
    {
        var sample = (await StudyDefinitionLoader.LoadAsync(Repository.SampleStudy)).Study!;
        var schools = sample.Schools.Select((s, i) => i == 0 ? s with { Kind = null, StaffByWave = new Dictionary<WaveId, int>() } : s).ToArray();
        var study = new Study(sample.Id, sample.Name, sample.Trajectories, sample.Networks, schools, sample.Roles, sample.Waves, sample.Instruments, sample.Analysis);
        using var stream = new MemoryStream();

        await OrganisationWriter.WriteAsync(study, stream);

        var first = JsonNode.Parse(stream.ToArray())!["schools"]![0]!.AsObject();
        Assert.False(first.ContainsKey("kind"));
        Assert.Empty(first["staff"]!.AsObject());
    }
}
