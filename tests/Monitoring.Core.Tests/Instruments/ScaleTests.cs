using Monitoring.Core.Instruments;
using Monitoring.Core.Studies;

namespace Monitoring.Core.Tests.Instruments;

public sealed class ScaleTests
{
    private static Scale WithItems(int count, double share) =>
        new(new ScaleId("s"), new InstrumentId("i"), new LocalizedText("S"),
            Enumerable.Range(1, count).Select(n => new ItemId($"i_{n}")).ToArray(), [], share, ScoringMethod.Mean, null);

    [Theory]
    [InlineData(5, 0.5, 3)]
    [InlineData(6, 0.5, 3)]
    [InlineData(3, 0.5, 2)]
    [InlineData(4, 0.5, 2)]
    [InlineData(1, 0.5, 1)]
    [InlineData(10, 0.1, 1)]
    [InlineData(10, 0.01, 1)]
    [InlineData(9, 1.0, 9)]
    [InlineData(3, 2.0 / 3.0, 2)]
    public void MinAnsweredItemsIsTheCeilingOfShareTimesItemsAndAtLeastOne(int items, double share, int expected)
    {
        Assert.Equal(expected, WithItems(items, share).MinAnsweredItems);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(1.01)]
    public void AShareOutsideZeroToOneIsACallersBug(double share)
    {
        Assert.ThrowsAny<ArgumentException>(() => WithItems(3, share));
    }

    [Fact]
    public void AScaleWithoutItemsIsACallersBug()
    {
        Assert.ThrowsAny<ArgumentException>(() => WithItems(0, 0.5));
    }
}
