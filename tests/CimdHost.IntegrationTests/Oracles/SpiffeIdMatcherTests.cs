namespace CimdHost.IntegrationTests.Oracles;

/// <summary>The tests' own AS-side matcher must follow SPIFFE client auth section 5.1 before it can judge the service.</summary>
public sealed class SpiffeIdMatcherTests
{
    [Theory]
    [InlineData("spiffe://example.org/client/7", "spiffe://example.org/client/7")]
    [InlineData("spiffe://example.org/fleet/7", "spiffe://example.org/fleet/*")]
    [InlineData("spiffe://example.org/fleet/a/b", "spiffe://example.org/fleet/*")]
    [InlineData("spiffe://example.org/anything", "spiffe://example.org/*")]
    public void Matches_ExactOrBelowWildcardPrefix_True(string presented, string spiffeId)
    {
        var matches = SpiffeIdMatcher.Matches(presented, spiffeId);

        Assert.True(matches);
    }

    [Theory]
    [InlineData("spiffe://example.org/client/8", "spiffe://example.org/client/7")]
    [InlineData("spiffe://example.org/client/7/x", "spiffe://example.org/client/7")]
    [InlineData("spiffe://example.org/Client/7", "spiffe://example.org/client/7")]
    [InlineData("spiffe://example.org/fleet7", "spiffe://example.org/fleet/*")]
    [InlineData("spiffe://example.org/fleet", "spiffe://example.org/fleet/*")]
    [InlineData("spiffe://example.org/fleet/", "spiffe://example.org/fleet/*")]
    [InlineData("spiffe://example.org/fleet//7", "spiffe://example.org/fleet/*")]
    [InlineData("spiffe://example.org/fleet/../admin", "spiffe://example.org/fleet/*")]
    [InlineData("spiffe://example.net/fleet/7", "spiffe://example.org/fleet/*")]
    [InlineData("spiffe://example.org.evil/fleet/7", "spiffe://example.org/fleet/*")]
    [InlineData("spiffe://example.org/fleet/*", "spiffe://example.org/fleet/*")]
    [InlineData("spiffe://example.org/fleetx", "spiffe://example.org/fleet*")]
    public void Matches_OtherIdOrPartialSegment_False(string presented, string spiffeId)
    {
        var matches = SpiffeIdMatcher.Matches(presented, spiffeId);

        Assert.False(matches);
    }
}
