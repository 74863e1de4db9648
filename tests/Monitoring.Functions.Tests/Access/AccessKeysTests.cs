using Microsoft.AspNetCore.Http;
using Monitoring.Core.Studies;
using Monitoring.Functions.Access;
using Monitoring.Functions.Hosting;

namespace Monitoring.Functions.Tests.Access;

public sealed class AccessKeysTests
{
    private static readonly AccessKeys Keys = new([
        new AccessKeyOptions { Role = "researcher", Sha256 = AccessKeys.HashOf("r-key") },
        new AccessKeyOptions { Role = "coordinator", Network = "net-a", Sha256 = AccessKeys.HashOf("c-key") },
    ]);

    private static HttpRequest With(string? authorization)
    {
        var http = new DefaultHttpContext();
        if (authorization is not null) http.Request.Headers.Authorization = authorization;
        return http.Request;
    }

    [Fact]
    public void ABearerKeyIsRecognisedByItsHash()
    {
        Assert.Equal(new AccessGrant(AccessRole.Researcher, null), Keys.Authenticate(With("Bearer r-key")));
        Assert.Equal(new AccessGrant(AccessRole.Coordinator, new NetworkId("net-a")), Keys.Authenticate(With("bearer c-key")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic r-key")]
    [InlineData("Bearer r-ke")]
    [InlineData("Bearer " + "0000000000000000000000000000000000000000000000000000000000000000")]
    public void AnythingElseIsNoGrant(string? header)
    {
        Assert.Null(Keys.Authenticate(With(header)));
    }

    [Fact]
    public void TheConfiguredHashIsTheSha256OfTheKey()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", AccessKeys.HashOf("abc"));
    }
}
