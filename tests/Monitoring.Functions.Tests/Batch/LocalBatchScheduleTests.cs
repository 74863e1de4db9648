using Monitoring.Functions.Batch;

namespace Monitoring.Functions.Tests.Batch;

public sealed class LocalBatchScheduleTests
{
    [Theory]
    [InlineData("2021-10-18T01:59:00+02:00", "2021-10-18T02:00:00+02:00")]
    [InlineData("2021-10-18T02:00:00+02:00", "2021-10-19T02:00:00+02:00")]
    [InlineData("2021-10-18T23:30:00+02:00", "2021-10-19T02:00:00+02:00")]
    public void TheNextRunIsTheNextOccurrenceOfTheTimeOfDay(string now, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected), LocalBatchSchedule.NextRun(DateTimeOffset.Parse(now), TimeSpan.FromHours(2)));
    }
}
