using Monitoring.Core.Definitions;
using Monitoring.Core.Studies;
using Monitoring.Core.Submissions;
using Monitoring.Core.Tests.Definitions;

namespace Monitoring.Core.Tests.Submissions;

public sealed class InvitationIssuerTests
{
    private static readonly AccessCodeKey Key = new(System.Text.Encoding.UTF8.GetBytes("a-test-linkage-secret-of-32-bytes!"));

    [Fact]
    public async Task EachSchoolGetsAStatusTokenApartFromItsQuestionnaireToken()
    {
        var study = (await StudyDefinitionLoader.LoadAsync(Repository.SampleStudy)).Study!;

        var issued = InvitationIssuer.Issue(study, new WaveId("T0"));
        var book = new InvitationBook(study.Id, issued.Select(i => i.Invitation).ToArray());

        Assert.All(issued, i => Assert.NotEqual(i.Token, i.StatusToken));
        Assert.All(issued, i => Assert.True(InvitationToken.IsWellFormed(i.StatusToken)));
        Assert.Equal(issued[0].Invitation, book.FindByStatusToken(issued[0].StatusToken));
        Assert.Null(book.FindByStatusToken(issued[0].Token));
        Assert.Null(book.FindByToken(issued[0].StatusToken));
        Assert.Empty(issued[0].Codes);
    }

    [Fact]
    public async Task AClosedWaveGetsCodesPerSchoolThatOnlyThatSchoolsInvitationAccepts()
    {
        using var copy = new StudyCopy().Edit("study.json", s => s["waves"]![0]!["access"] = "closed");
        var study = (await StudyDefinitionLoader.LoadAsync(copy.Directory)).Study!;

        var issued = InvitationIssuer.Issue(study, new WaveId("T0"), 30, Key);
        var book = InvitationBook.Deserialize(new InvitationBook(study.Id, issued.Select(i => i.Invitation).ToArray()).Serialize());

        Assert.All(issued, i => Assert.Equal(30, i.Codes.Count));
        Assert.Equal(30 * study.Schools.Count, issued.SelectMany(i => i.Codes).Distinct().Count());
        var first = book.FindByToken(issued[0].Token)!;
        var second = book.FindByToken(issued[1].Token)!;
        Assert.True(book.HasCode(first, Key.Hash(issued[0].Codes[7])!));
        Assert.False(book.HasCode(second, Key.Hash(issued[0].Codes[7])!));
        var stored = System.Text.Encoding.UTF8.GetString(book.Serialize());
        Assert.DoesNotContain(issued[0].Codes[7], stored);
        Assert.DoesNotContain(AccessCode.Normalize(issued[0].Codes[7])!, stored);
    }

    [Fact]
    public async Task CodesMustMatchTheWavesAccess()
    {
        var study = (await StudyDefinitionLoader.LoadAsync(Repository.SampleStudy)).Study!;

        Assert.Throws<ArgumentException>(() => InvitationIssuer.Issue(study, new WaveId("T0"), 5, Key));
    }
}
