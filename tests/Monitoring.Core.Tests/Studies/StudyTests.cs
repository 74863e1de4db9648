using Monitoring.Core.Definitions;
using Monitoring.Core.Instruments;
using Monitoring.Core.Studies;

namespace Monitoring.Core.Tests.Studies;

public sealed class StudyTests
{
    private static async Task<Study> SampleAsync() => (await StudyDefinitionLoader.LoadAsync(Repository.SampleStudy)).Study!;

    [Fact]
    public async Task LookUpsFindWhatIsDefinedAndNullOtherwise()
    {
        var study = await SampleAsync();

        Assert.Equal("T1", study.FindWave(new WaveId("T1"))!.Id.Value);
        Assert.Null(study.FindWave(new WaveId("t1")));
        Assert.Equal("teacher", study.FindRole(new RoleId("teacher"))!.Id.Value);
        Assert.Equal("bevlogenheid", study.FindInstrument(new InstrumentId("bevlogenheid"))!.Id.Value);
        Assert.Null(study.FindItem(new ItemId("school")));
        Assert.Null(study.FindSchool(new SchoolId("nergens")));
        Assert.Null(study.NetworkOf(new SchoolId("nergens")));
        Assert.Equal("kust-en-polder", study.NetworkOf(new SchoolId("gistel-bs-01"))!.Id.Value);
    }

    [Fact]
    public async Task ItemsOfAWaveFollowItsInstrumentsInOrder()
    {
        var sample = await SampleAsync();
        var wave = new Wave(new WaveId("T9"), new LocalizedText("T9"), DateTimeOffset.Parse("2024-01-01T00:00:00Z"), DateTimeOffset.Parse("2024-02-01T00:00:00Z"),
            [new InstrumentId("bevlogenheid"), new InstrumentId("welbevinden")]);

        var items = sample.ItemsOf(wave).Select(i => i.Id.Value).ToArray();

        Assert.Equal(20, items.Length);
        Assert.Equal("bv_01", items[0]);
        Assert.Equal("wb_01", items[9]);
    }

    [Fact]
    public async Task ANetworkWithAnUnknownSchoolIsACallersBug()
    {
        var s = await SampleAsync();
        var networks = s.Networks.Select((n, i) => i == 0 ? new Network(n.Id, n.Name, n.Trajectory, [.. n.Schools, new SchoolId("nergens")]) : n).ToArray();

        Assert.Throws<ArgumentException>(() => new Study(s.Id, s.Name, s.Trajectories, networks, s.Schools, s.Roles, s.Waves, s.Instruments, s.Analysis));
    }

    [Fact]
    public async Task AWaveWithAnUnknownInstrumentIsACallersBug()
    {
        var s = await SampleAsync();
        var waves = s.Waves.Select((w, i) => i == 0 ? new Wave(w.Id, w.Name, w.Opens, w.Closes, [new InstrumentId("veerkracht")]) : w).ToArray();

        Assert.Throws<ArgumentException>(() => new Study(s.Id, s.Name, s.Trajectories, s.Networks, s.Schools, s.Roles, waves, s.Instruments, s.Analysis));
    }

    [Fact]
    public async Task DuplicateSchoolIdsAreACallersBug()
    {
        var s = await SampleAsync();

        Assert.ThrowsAny<ArgumentException>(() => new Study(s.Id, s.Name, s.Trajectories, s.Networks, [.. s.Schools, s.Schools[0]], s.Roles, s.Waves, s.Instruments, s.Analysis));
    }
}
