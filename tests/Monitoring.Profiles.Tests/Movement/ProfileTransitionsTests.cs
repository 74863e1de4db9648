using Monitoring.Core.Results;
using Monitoring.Core.Studies;
using Monitoring.Profiles.Movement;
using Monitoring.Profiles.Tests.Support;

namespace Monitoring.Profiles.Tests.Movement;

public sealed class ProfileTransitionsTests
{
    [Fact]
    public async Task SchoolsAreCountedPerNetworkFromEachWaveToTheNext()
    {
        var study = await SampleStudy.GetAsync();
        var network = study.Networks[0];
        var (a, b, c, d) = (network.Schools[0], network.Schools[1], network.Schools[2], network.Schools[3]);
        var (t0, t1, t2) = (study.Waves[0].Id, study.Waves[1].Id, study.Waves[2].Id);
        SchoolProfile P(SchoolId school, WaveId wave, int profile) => new(school, network.Id, wave, profile, 0);
        SchoolProfile[] profiles =
        [
            P(a, t0, 1), P(a, t1, 1), P(a, t2, 2),
            P(b, t0, 2), P(b, t1, 1),
            P(c, t0, 1), P(c, t1, 1),                // c has no T2 profile
            P(d, t1, 3), P(d, t2, 2),                // d has no T0 profile
        ];

        var rows = ProfileTransitions.Of(study, profiles);

        Assert.Equal(
        [
            $"{t0}->{t1} 1->1 2 {a},{c}",
            $"{t0}->{t1} 2->1 1 {b}",
            $"{t1}->{t2} 1->2 1 {a}",
            $"{t1}->{t2} 3->2 1 {d}",
        ], rows.Select(r => $"{r.From}->{r.To} {r.FromProfile}->{r.ToProfile} {r.Count} {string.Join(",", r.Schools)}"));
        Assert.All(rows, r => Assert.Equal(network.Id, r.Network));
    }
}
