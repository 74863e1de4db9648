using Monitoring.Core.Submissions;

namespace Monitoring.Core.Tests.Submissions;

public sealed class AccessCodeTests
{
    private static readonly byte[] Secret = System.Text.Encoding.UTF8.GetBytes("a-test-linkage-secret-of-32-bytes!");

    [Fact]
    public void ACodeIsTenCrockfordCharactersWithAtLeastFortyBits()
    {
        var code = AccessCode.Create();

        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$", code);
        Assert.True(AccessCode.Bits >= 40);
    }

    [Fact]
    public void TypedCodesForgiveCaseSpacesHyphensAndLookAlikeLetters()
    {
        Assert.Equal("K3QX0M21PZ", AccessCode.Normalize(" k3qxo-m2ipz "));
        Assert.Equal("K3QX0M21PZ", AccessCode.Normalize("K3QX0 M2LPZ"));
        Assert.Null(AccessCode.Normalize("K3QX0-M2UPZ"));
        Assert.Null(AccessCode.Normalize("K3QX0-M2PZ"));
        Assert.Null(AccessCode.Normalize("K3QX0-M21PZ0"));
        Assert.Null(AccessCode.Normalize(null));
    }

    [Fact]
    public void TheStoredHashIsKeyedSoTheSameCodeHashesDifferentlyUnderAnotherSecret()
    {
        var key = new AccessCodeKey(Secret);
        var other = new AccessCodeKey(System.Text.Encoding.UTF8.GetBytes("another-linkage-secret-of-32-bytes"));

        Assert.Equal(key.Hash("k3qxo-m2ipz"), key.Hash("K3QX0M21PZ"));
        Assert.NotEqual(key.Hash("K3QX0M21PZ"), other.Hash("K3QX0M21PZ"));
        Assert.NotEqual(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("K3QX0M21PZ"u8)), key.Hash("K3QX0M21PZ"));
        Assert.Null(key.Hash("not a code"));
    }
}
