using Monitoring.Core.Instruments;

namespace Monitoring.Core.Tests.Instruments;

public sealed class ResponseFormatTests
{
    private static readonly ResponseFormat OneToFive = new("akkoord5", 1, 5, []);
    private static readonly ResponseFormat ZeroToSix = new("frequentie7", 0, 6, []);

    [Theory]
    [InlineData(1, true)]
    [InlineData(3, true)]
    [InlineData(5, true)]
    [InlineData(0, false)]
    [InlineData(6, false)]
    [InlineData(2.5, false)]
    [InlineData(double.NaN, false)]
    [InlineData(double.PositiveInfinity, false)]
    public void AllowsOnlyWholeNumbersWithinTheBounds(double value, bool allowed)
    {
        Assert.Equal(allowed, OneToFive.Allows(value));
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 4)]
    [InlineData(3, 3)]
    [InlineData(5, 1)]
    public void ReverseMirrorsAOneToFiveAnswer(double value, double reversed)
    {
        Assert.Equal(reversed, OneToFive.Reverse(value));
    }

    [Fact]
    public void ReverseUsesTheDeclaredBoundsNotOneBased()
    {
        Assert.Equal(6, ZeroToSix.Reverse(0));
        Assert.Equal(2, ZeroToSix.Reverse(4));
        Assert.Equal(4.5, ZeroToSix.Reverse(ZeroToSix.Reverse(4.5)));
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(6, 5)]
    public void MinNotBelowMaxIsACallersBug(int min, int max)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ResponseFormat("x", min, max, []));
    }
}
