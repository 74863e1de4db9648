using Monitoring.Core.Submissions;

namespace Monitoring.Core.Tests.Submissions;

public sealed class LinkageQuestionTests
{
    private static LinkageQuestion Q(string id) => LinkageQuestions.Find(id)!;

    [Theory]
    [InlineData("mother_initials", "an", "AN")]
    [InlineData("mother_initials", " Ém ", "EM")]
    [InlineData("birthplace_initials", "gé", "GE")]
    [InlineData("birth_day", "07", "7")]
    [InlineData("birth_day", "31", "31")]
    public void AnswersAreNormalisedSoTheSamePersonGetsTheSameCode(string question, string answer, string expected)
    {
        Assert.Equal(expected, Q(question).Normalize(answer));
    }

    [Theory]
    [InlineData("mother_initials", "A")]
    [InlineData("mother_initials", "A1")]
    [InlineData("mother_initials", "ANN")]
    [InlineData("birth_day", "0")]
    [InlineData("birth_day", "32")]
    [InlineData("birth_day", "-1")]
    [InlineData("birth_day", "twee")]
    public void AnswersThatDoNotFitAreRejected(string question, string answer)
    {
        Assert.Null(Q(question).Normalize(answer));
    }

    [Fact]
    public void TheCodeIsAnHmacOfTheNormalisedAnswersWithTheStudySecret()
    {
        var answers = new Dictionary<string, string> { ["mother_initials"] = "AN", ["birth_day"] = "7", ["birthplace_initials"] = "GE" };
        var secret = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

        var code = new LinkageKey(secret).Code(answers);

        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(secret,
            System.Text.Encoding.UTF8.GetBytes("linkage-v1\u001fmother_initials=AN\u001fbirth_day=7\u001fbirthplace_initials=GE")));
        Assert.Equal(expected, code);
        Assert.NotEqual(code, new LinkageKey(secret.Reverse().ToArray()).Code(answers));
    }

    [Fact]
    public void AShortSecretIsACallersBug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinkageKey(new byte[16]));
    }
}
