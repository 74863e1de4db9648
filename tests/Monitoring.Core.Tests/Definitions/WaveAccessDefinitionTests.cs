using System.Text.Json.Nodes;
using Monitoring.Core.Definitions;
using Monitoring.Core.Studies;

namespace Monitoring.Core.Tests.Definitions;

public sealed class WaveAccessDefinitionTests
{
    [Fact]
    public async Task AWaveIsOpenUnlessItsAccessSaysClosed()
    {
        using var copy = new StudyCopy().Edit("study.json", s => s["waves"]![1]!["access"] = "closed");

        var study = (await StudyDefinitionLoader.LoadAsync(copy.Directory)).Study!;

        Assert.Equal([WaveAccess.Open, WaveAccess.Closed, WaveAccess.Open], study.Waves.Select(w => w.Access));
    }

    [Fact]
    public async Task AnUnknownAccessIsAProblemAtItsPlace()
    {
        using var copy = new StudyCopy().Edit("study.json", s => s["waves"]![0]!["access"] = "invite-only");

        var result = await StudyDefinitionLoader.LoadAsync(copy.Directory);

        ProblemAssert.Only(result, "study.json", "$.waves[0].access", "unknown-access", "\"closed\"");
    }
}
