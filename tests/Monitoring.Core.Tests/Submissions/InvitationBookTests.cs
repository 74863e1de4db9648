using Monitoring.Core.Studies;
using Monitoring.Core.Submissions;

namespace Monitoring.Core.Tests.Submissions;

public sealed class InvitationBookTests
{
    private static readonly StudyId Study = new("s");

    [Fact]
    public void ABookReadsBackAndFindsATokenByItsHashOnly()
    {
        var book = new InvitationBook(Study, [new Invitation(new WaveId("T0"), new SchoolId("a1"), InvitationToken.Hash("token-one"))]);

        var read = InvitationBook.Deserialize(book.Serialize());

        Assert.Equal(new SchoolId("a1"), read.FindByToken("token-one")?.School);
        Assert.Null(read.FindByToken("token-two"));
        Assert.DoesNotContain("token-one", System.Text.Encoding.UTF8.GetString(book.Serialize()));
    }

    [Fact]
    public void ReplacingAWaveKeepsTheOtherWaves()
    {
        var book = new InvitationBook(Study, [
            new Invitation(new WaveId("T0"), new SchoolId("a1"), InvitationToken.Hash("t0")),
            new Invitation(new WaveId("T1"), new SchoolId("a1"), InvitationToken.Hash("t1")),
        ]);

        var replaced = book.WithWave(new WaveId("T0"), [new Invitation(new WaveId("T0"), new SchoolId("a1"), InvitationToken.Hash("t0-new"))]);

        Assert.Null(replaced.FindByToken("t0"));
        Assert.NotNull(replaced.FindByToken("t0-new"));
        Assert.NotNull(replaced.FindByToken("t1"));
    }

    [Fact]
    public void StatusTokensAndCodeHashesReadBackAndABookWithoutThemStillReads()
    {
        var book = new InvitationBook(Study, [
            new Invitation(new WaveId("T0"), new SchoolId("a1"), InvitationToken.Hash("q"), InvitationToken.Hash("status"), ["c1", "c2"]),
            new Invitation(new WaveId("T0"), new SchoolId("a2"), InvitationToken.Hash("q2")),
        ]);

        var read = InvitationBook.Deserialize(book.Serialize());

        Assert.Equal(new SchoolId("a1"), read.FindByStatusToken("status")?.School);
        Assert.Null(read.FindByStatusToken("q"));
        Assert.True(read.HasCode(read.FindByToken("q")!, "c2"));
        Assert.False(read.HasCode(read.FindByToken("q2")!, "c2"));
    }

    [Fact]
    public void ACorruptFileIsInvalidData()
    {
        Assert.Throws<InvalidDataException>(() => InvitationBook.Deserialize("{\"format\":1}"u8));
    }
}
