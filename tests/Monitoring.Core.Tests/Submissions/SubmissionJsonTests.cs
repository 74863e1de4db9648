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

    private static readonly string Valid = System.Text.Encoding.UTF8.GetString(SubmissionJson.Serialize(new Submission(new SubmissionId("id-1"), new StudyId("s"),
        new WaveId("T0"), new SchoolId("a1"), new RoleId("teacher"), null, DateTimeOffset.Parse("2021-10-18T09:40:00+02:00"),
        DateTimeOffset.Parse("2021-10-18T09:52:30+02:00"), DateTimeOffset.Parse("2021-10-18T09:52:31+02:00"), "nl",
        new Dictionary<ItemId, int> { [new("wb_01")] = 3, [new("wb_02")] = 4 })));

    [Theory]
    [InlineData("\"wb_01\":3", "\"wb_01\":3,\"wb_01\":4", "unreadable-record", "answers.wb_01")]
    [InlineData("\"language\":\"nl\"", "\"language\":\"nl\",\"language\":\"en\"", "unreadable-record", "language")]
    [InlineData("\"role\":\"teacher\"", "\"role\":\"\\udc00x\"", "unreadable-record", "role")]
    [InlineData("\"role\":\"teacher\"", "\"role\":3", "unreadable-record", "role")]
    [InlineData("\"wb_01\":3", "\"wb_01\":\"3\"", "not-a-number", "answers.wb_01")]
    [InlineData("\"wb_01\":3", "\"wb_01\":3.5", "not-a-whole-number", "answers.wb_01")]
    [InlineData("\"wb_01\":3", "\"wb_01\":1099511627776", "out-of-range", "answers.wb_01")]
    [InlineData("\"format\":1", "\"format\":2", "unsupported-format", "format")]
    [InlineData("\"format\":1", "\"format\":\"1\"", "unsupported-format", "format")]
    [InlineData("\"id\":\"id-1\"", "\"id\":\"../../etc\"", "invalid-id", "id")]
    [InlineData("\"submitted\":\"2021-10-18T09:52:30.0000000", "\"submitted\":\"2021-10-18 09:52:30", "invalid-timestamp", "submitted")]
    public void TryReadNamesTheFieldAndCodeOfABrokenRecordInsteadOfThrowing(string from, string to, string code, string field)
    {
        Assert.Contains(from, Valid, StringComparison.Ordinal);
        var broken = Valid.Replace(from, to, StringComparison.Ordinal);

        Assert.Null(SubmissionJson.TryRead(System.Text.Encoding.UTF8.GetBytes(broken), out var problems));

        var problem = Assert.Single(problems);
        Assert.Equal((code, field), (problem.Code, problem.Field));
    }

    [Fact]
    public void TryReadReportsEveryMissingFieldAtOnce()
    {
        Assert.Null(SubmissionJson.TryRead("{\"format\":1}"u8, out var problems));

        Assert.Equal(["id", "study", "wave", "school", "role", "started", "submitted", "received", "language", "answers"], problems.Select(p => p.Field));
        Assert.All(problems, p => Assert.Equal("missing-field", p.Code));
    }

    [Fact]
    public void TryReadReadsAValidRecord()
    {
        var read = SubmissionJson.TryRead(System.Text.Encoding.UTF8.GetBytes(Valid), out var problems);

        Assert.Empty(problems);
        Assert.Equal(4, read!.Answers[new ItemId("wb_02")]);
    }

    [Fact]
    public void TryReadNeverThrowsOnThousandsOfMangledRecords()
    {
        var valid = System.Text.Encoding.UTF8.GetBytes(Valid);
        string[] inserts = ["\\ud800", "\\udfff", "\"", "{", "[", "]", "}", ",", ":", "1e400", "-0", "null", "\"\\ud800\":1,"];
        var random = new Random(11);
        for (var i = 0; i < 5000; i++)
        {
            var bytes = valid.ToList();
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                var at = random.Next(bytes.Count);
                switch (random.Next(4))
                {
                    case 0: bytes[at] = (byte)random.Next(256); break;
                    case 1: bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 20))); break;
                    case 2: bytes.InsertRange(at, System.Text.Encoding.UTF8.GetBytes(inserts[random.Next(inserts.Length)])); break;
                    default: bytes.RemoveRange(at, bytes.Count - at); break;
                }
                if (bytes.Count == 0) break;
            }

            var read = SubmissionJson.TryRead(bytes.ToArray(), out var problems);

            Assert.True(read is null ? problems.Count > 0 : problems.Count == 0);
        }
    }

    [Fact]
    public void AKeyThatIsALoneSurrogateMakesTheRecordUnreadable()
    {
        var broken = Valid.Replace("\"wb_01\":3", "\"\\ud800\":3", StringComparison.Ordinal);

        Assert.Null(SubmissionJson.TryRead(System.Text.Encoding.UTF8.GetBytes(broken), out var problems));

        Assert.Equal("unreadable-record", Assert.Single(problems).Code);
    }
}
