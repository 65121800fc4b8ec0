namespace CimdHost.IntegrationTests.Oracles;

/// <summary>The tests' own SPIFFE ID checker must be right before it can judge the service.</summary>
public sealed class SpiffeIdSyntaxTests
{
    [Theory]
    [InlineData("spiffe://example.org/client/7")]
    [InlineData("spiffe://example.org/ns/payments/pod/7")]
    [InlineData("spiffe://a-b_c.0/A.b-C_9")]
    [InlineData("spiffe://192.168.0.1/x")]
    [InlineData("spiffe://example.org/..a/a..")]
    public void IsWorkloadId_ValidId_True(string id)
    {
        var valid = SpiffeIdSyntax.IsWorkloadId(id);

        Assert.True(valid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("spiffe://example.org")]
    [InlineData("spiffe://example.org/")]
    [InlineData("spiffe://example.org/client/")]
    [InlineData("spiffe://example.org//client")]
    [InlineData("spiffe://example.org/./client")]
    [InlineData("spiffe://example.org/client/..")]
    [InlineData("spiffe://Example.org/client")]
    [InlineData("SPIFFE://example.org/client")]
    [InlineData("spiffe://example.org:8443/client")]
    [InlineData("spiffe://user@example.org/client")]
    [InlineData("spiffe://example.org/cli%65nt")]
    [InlineData("spiffe://example.org/client?x=1")]
    [InlineData("spiffe://example.org/client#x")]
    [InlineData("spiffe://example.org/client/*")]
    [InlineData("spiffe://example.org/cli ent")]
    [InlineData("spiffe://example.org/clïent")]
    [InlineData("spiffe:///client")]
    [InlineData("https://example.org/client")]
    public void IsWorkloadId_InvalidId_False(string id)
    {
        var valid = SpiffeIdSyntax.IsWorkloadId(id);

        Assert.False(valid);
    }

    [Fact]
    public void IsWorkloadId_LengthLimits_TrustDomain255AndId2048Bytes()
    {
        var longestDomain = "spiffe://" + new string('a', 255) + "/x";
        var tooLongDomain = "spiffe://" + new string('a', 256) + "/x";
        var longestId = "spiffe://example.org/" + new string('a', 2048 - "spiffe://example.org/".Length);

        var results = (SpiffeIdSyntax.IsWorkloadId(longestDomain), SpiffeIdSyntax.IsWorkloadId(tooLongDomain),
            SpiffeIdSyntax.IsWorkloadId(longestId), SpiffeIdSyntax.IsWorkloadId(longestId + "a"));

        Assert.Equal((true, false, true, false), results);
    }

    [Theory]
    [InlineData("spiffe://example.org/fleet/*", true)]
    [InlineData("spiffe://example.org/*", true)]
    [InlineData("spiffe://example.org/a/b/*", true)]
    [InlineData("spiffe://example.org/client/7", true)]
    [InlineData("spiffe://example.org/fleet*", false)]
    [InlineData("spiffe://example.org/*/fleet", false)]
    [InlineData("spiffe://example.org//*", false)]
    [InlineData("spiffe://example.org/fleet/**", false)]
    [InlineData("spiffe://*/fleet", false)]
    public void IsMetadataValue_WildcardOnlyAsWholeLastSegment(string value, bool expected)
    {
        var valid = SpiffeIdSyntax.IsMetadataValue(value);

        Assert.Equal(expected, valid);
    }
}
