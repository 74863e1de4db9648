using Monitoring.Core.Studies;

namespace Monitoring.Core.Tests.Studies;

public sealed class NetworkTests
{
    private static SchoolId[] Schools(int n) => Enumerable.Range(1, n).Select(i => new SchoolId($"s{i}")).ToArray();

    [Fact]
    public void ANetworkOfFourSchoolsIsAllowed()
    {
        var network = new Network(new NetworkId("n"), "N", new TrajectoryId("t"), Schools(4));

        Assert.Equal(4, network.Schools.Count);
    }

    [Fact]
    public void ANetworkOfThreeSchoolsIsACallersBug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Network(new NetworkId("n"), "N", new TrajectoryId("t"), Schools(3)));
    }
}
