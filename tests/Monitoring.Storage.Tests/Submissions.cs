using Monitoring.Core.Instruments;
using Monitoring.Core.Studies;
using Monitoring.Core.Submissions;

namespace Monitoring.Storage.Tests;

/// <summary>Builds submissions for store tests.</summary>
internal static class Submissions
{
    public static readonly DateTimeOffset Received = new(2021, 10, 5, 9, 30, 0, TimeSpan.FromHours(2));

    public static Submission Make(string? id = null, string school = "gent-bs-01", string wave = "T0", string study = "test-study", DateTimeOffset? received = null, int answer = 3) =>
        new(new SubmissionId(id ?? Guid.NewGuid().ToString()),
            new StudyId(study), new WaveId(wave), new SchoolId(school), new RoleId("teacher"),
            "ab12" + new string('0', 60),
            Received.AddMinutes(-12), Received.AddSeconds(-2), received ?? Received, "nl",
            new Dictionary<ItemId, int> { [new("wb_01")] = answer, [new("wb_02")] = 0, [new("gl_07")] = 5 });

    /// <summary>The record's submission; fails the test when the record is unreadable.</summary>
    public static Submission Readable(StoredRecord record) =>
        record.Submission ?? throw new Xunit.Sdk.XunitException($"{record.Name} is unreadable: {string.Join("; ", record.Problems)}");

    public static void AssertSame(Submission expected, Submission actual)
    {
        var none = new Dictionary<ItemId, int>();
        Assert.Equal(expected with { Answers = none }, actual with { Answers = none });
        Assert.Equal(expected.Answers.OrderBy(a => a.Key.Value), actual.Answers.OrderBy(a => a.Key.Value));
    }
}
