using Monitoring.Core.Instruments;
using Monitoring.Core.Studies;

namespace Monitoring.Core.Tests.Studies;

public sealed class WaveTests
{
    private static readonly DateTimeOffset Opens = DateTimeOffset.Parse("2021-10-04T00:00:00+02:00");
    private static readonly DateTimeOffset Closes = DateTimeOffset.Parse("2021-12-17T23:59:59+01:00");
    private static readonly Wave T0 = new(new WaveId("T0"), new LocalizedText("T0"), Opens, Closes, [new InstrumentId("welbevinden")]);

    [Fact]
    public void TheWindowIncludesBothEnds()
    {
        Assert.True(T0.IsOpenAt(Opens));
        Assert.True(T0.IsOpenAt(Closes));
        Assert.True(T0.IsOpenAt(DateTimeOffset.Parse("2021-11-01T12:00:00+01:00")));
    }

    [Fact]
    public void TheWindowComparesInstantsNotLocalClockTimes()
    {
        Assert.False(T0.IsOpenAt(DateTimeOffset.Parse("2021-10-04T00:00:00+03:00")));
        Assert.True(T0.IsOpenAt(DateTimeOffset.Parse("2021-10-03T22:00:00Z")));
        Assert.False(T0.IsOpenAt(DateTimeOffset.Parse("2021-12-17T23:00:00Z")));
        Assert.False(T0.IsOpenAt(Closes.AddSeconds(1)));
        Assert.False(T0.IsOpenAt(Opens.AddTicks(-1)));
    }

    [Fact]
    public void AWaveThatClosesWhenItOpensIsACallersBug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Wave(new WaveId("T0"), new LocalizedText("T0"), Opens, Opens, []));
    }
}
