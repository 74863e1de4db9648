using System.Globalization;
using System.Text;
using Monitoring.Analysis.Responses;

namespace Monitoring.Analysis.Tests.Responses;

[Collection(nameof(LocalTimeZone))]
public sealed class IsoTimestampTests
{
    [Theory]
    [InlineData("2021-10-05T09:13:22Z", "2021-10-05T09:13:22.0000000Z")]
    [InlineData("2022-01-05T09:13:22.25Z", "2022-01-05T09:13:22.2500000Z")]
    public void ZMeansUtcWhateverTheMachinesTimeZone(string text, string utc)
    {
        LocalTimeZone.With("Europe/Brussels", () =>
        {
            Assert.True(IsoTimestamp.TryParse(Encoding.UTF8.GetBytes(text), out var value));

            Assert.Equal(utc, value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            Assert.Equal(TimeSpan.Zero, value.Offset);
        });
    }

    [Theory]
    [InlineData("2021-10-05T09:13:22+02:00", "2021-10-05T07:13:22.0000000Z", 120)]
    [InlineData("2021-12-17T23:59:59+01:00", "2021-12-17T22:59:59.0000000Z", 60)]
    [InlineData("2021-10-05T09:13:22-05:30", "2021-10-05T14:43:22.0000000Z", -330)]
    [InlineData("2021-10-05T09:13:22+00:00", "2021-10-05T09:13:22.0000000Z", 0)]
    [InlineData("2024-02-29T12:00:00+01:00", "2024-02-29T11:00:00.0000000Z", 60)]
    [InlineData("2021-10-05T09:13:22Z", "2021-10-05T09:13:22.0000000Z", 0)]
    [InlineData("2021-10-05T09:13:22.123+02:00", "2021-10-05T07:13:22.1230000Z", 120)]
    [InlineData("2021-10-05T09:13:22.5Z", "2021-10-05T09:13:22.5000000Z", 0)]
    [InlineData("2021-10-05T09:13:22.1234567-01:00", "2021-10-05T10:13:22.1234567Z", -60)]
    [InlineData("2021-10-05T09:13+02:00", "2021-10-05T07:13:00.0000000Z", 120)]
    public void ValidIsoTimestampsWithAnOffsetOrZParseToTheRightInstantAndOffset(string text, string utc, int offsetMinutes)
    {
        Assert.True(IsoTimestamp.TryParse(Encoding.UTF8.GetBytes(text), out var value));

        Assert.Equal(utc, value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), value.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2021-10-05T09:13:22")]
    [InlineData("2021-10-05T09:13:22.123")]
    [InlineData("2021-10-05")]
    [InlineData("2021-10-05 09:13:22+02:00")]
    [InlineData("05/10/2021 09:13:22 +02:00")]
    [InlineData("2021-13-05T09:13:22+02:00")]
    [InlineData("2021-00-05T09:13:22+02:00")]
    [InlineData("2021-02-29T09:13:22+01:00")]
    [InlineData("2021-10-32T09:13:22+02:00")]
    [InlineData("2021-10-05T24:00:00+02:00")]
    [InlineData("2021-10-05T09:60:00+02:00")]
    [InlineData("2021-10-05T09:13:61+02:00")]
    [InlineData("2021-10-05T09:13:22+15:00")]
    [InlineData("2021-10-05T09:13:22+02:60")]
    [InlineData("2021-1O-05T09:13:22+02:00")]
    [InlineData("0000-10-05T09:13:22+02:00")]
    [InlineData("yesterday")]
    [InlineData("2021-10-05T09:13:22+02:00 and some more text that makes it long")]
    public void TimestampsWithoutOffsetOrOutsideTheCalendarAreRejected(string text)
    {
        Assert.False(IsoTimestamp.TryParse(Encoding.UTF8.GetBytes(text), out _));
    }
}
