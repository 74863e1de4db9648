using Monitoring.Core.Instruments;
using Monitoring.Core.Responses;

namespace Monitoring.Core.Tests.Responses;

public sealed class ResponseRulesTests
{
    private static readonly ResponseFormat OneToFive = new("likert5", 1, 5, []);
    private static readonly DateTimeOffset Received = new(2021, 10, 18, 10, 0, 0, TimeSpan.FromHours(2));

    [Theory]
    [InlineData(1, null)]
    [InlineData(5, null)]
    [InlineData(0, ResponseProblemCodes.OutOfRange)]
    [InlineData(6, ResponseProblemCodes.OutOfRange)]
    [InlineData(2.5, ResponseProblemCodes.NotAWholeNumber)]
    [InlineData(5.000001, ResponseProblemCodes.NotAWholeNumber)]
    [InlineData(double.NaN, ResponseProblemCodes.NotANumber)]
    [InlineData(double.PositiveInfinity, ResponseProblemCodes.NotANumber)]
    [InlineData(1e300, ResponseProblemCodes.OutOfRange)]
    public void AnAnswerIsAllowedOnlyWhenItIsAWholeNumberWithinTheFormat(double value, string? code)
    {
        Assert.Equal(code, ResponseRules.Answer(value, OneToFive));
    }

    [Fact]
    public void EveryAnswerProblemHasAReasonThatNamesTheRange()
    {
        foreach (var code in new[] { ResponseProblemCodes.NotAWholeNumber, ResponseProblemCodes.OutOfRange })
            Assert.Contains("from 1 to 5", ResponseRules.AnswerReason(code, OneToFive), StringComparison.Ordinal);
        Assert.Equal("Not a number.", ResponseRules.AnswerReason(ResponseProblemCodes.NotANumber, OneToFive));
    }

    [Theory]
    [InlineData(12, 0, true)]
    [InlineData(0, 0, true)]
    [InlineData(24 * 60, 0, true)]
    [InlineData(24 * 60 + 1, 0, false)]
    [InlineData(-1, 0, false)]
    [InlineData(12, -24 * 60, true)]
    [InlineData(12, 24 * 60, true)]
    [InlineData(12, -24 * 60 - 1, false)]
    [InlineData(12, 24 * 60 + 1, false)]
    public void DeviceTimesArePlausibleWhenTheDurationIsUpToADayAndTheClockWithinADayOfTheServer(int durationMinutes, int skewMinutes, bool plausible)
    {
        var submitted = Received.AddMinutes(skewMinutes);

        Assert.Equal(plausible, ResponseRules.DeviceTimesArePlausible(submitted.AddMinutes(-durationMinutes), submitted, Received));
    }

    [Fact]
    public void ADeviceSetTo2020IsNotPlausibleThoughItsDurationIs()
    {
        var submitted = new DateTimeOffset(2020, 1, 1, 12, 0, 0, TimeSpan.Zero);

        Assert.False(ResponseRules.DeviceTimesArePlausible(submitted.AddMinutes(-12), submitted, Received));
    }
}
