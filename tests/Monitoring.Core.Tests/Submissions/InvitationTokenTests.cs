using Monitoring.Core.Submissions;

namespace Monitoring.Core.Tests.Submissions;

public sealed class InvitationTokenTests
{
    [Fact]
    public void ATokenCarriesAtLeast128RandomBitsInUrlSafeCharacters()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => InvitationToken.Create()).ToArray();

        Assert.True(InvitationToken.RandomBytes * 8 >= 128);
        Assert.All(tokens, t => Assert.Matches("^[A-Za-z0-9_-]{32}$", t));
        Assert.All(tokens, t => Assert.True(InvitationToken.IsWellFormed(t)));
        Assert.Equal(tokens.Length, tokens.Distinct().Count());
    }

    [Fact]
    public void TheHashIsTheHexSha256OfTheToken()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", InvitationToken.Hash("abc"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void AnythingElseIsNotAToken(string? token)
    {
        Assert.False(InvitationToken.IsWellFormed(token));
    }
}
