using Monitoring.Core.Instruments;
using Monitoring.Core.Studies;
using Monitoring.Core.Submissions;

namespace Monitoring.Core.Tests.Submissions;

public sealed class SubmissionJsonTests
{
    [Fact]
    public void AStoredRecordReadsBackWithItsOffsetsAndAnswers()
    {
        var submission = new Submission(new SubmissionId("id-1"), new StudyId("s"), new WaveId("T0"), new SchoolId("a1"), new RoleId("teacher"), null,
            DateTimeOffset.Parse("2021-10-18T09:40:00+02:00"), DateTimeOffset.Parse("2021-10-18T09:52:30.5+02:00"), DateTimeOffset.Parse("2021-10-18T07:52:31.25Z"),
            "en", new Dictionary<ItemId, int> { [new("wb_01")] = 0, [new("gl_02")] = 5 });

        var read = SubmissionJson.Deserialize(SubmissionJson.Serialize(submission));

        Assert.Equal(submission with { Answers = read.Answers }, read);
        Assert.Equal(TimeSpan.FromHours(2), read.Started.Offset);
        Assert.Equal(submission.Answers.ToDictionary(), read.Answers.ToDictionary());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"format\": 2}")]
    [InlineData("not json")]
    public void AnythingElseIsInvalidData(string text)
    {
        Assert.Throws<InvalidDataException>(() => SubmissionJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void TheReceiptIsTheSameForTheSameStoredRecord()
    {
        var s = new Submission(new SubmissionId("id-1"), new StudyId("s"), new WaveId("T0"), new SchoolId("a1"), new RoleId("teacher"), null,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1), "nl", new Dictionary<ItemId, int>());

        Assert.Equal(SubmissionReceipt.For(s), SubmissionReceipt.For(SubmissionJson.Deserialize(SubmissionJson.Serialize(s))));
        Assert.NotEqual(SubmissionReceipt.For(s).Code, SubmissionReceipt.For(s with { Received = s.Received.AddTicks(1) }).Code);
    }
}
