using CimdHost.Validation;

namespace CimdHost.UnitTests.Validation;

public sealed class SpiffeIdGrammarTests
{
    [Theory]
    [InlineData("spiffe://example.org/client/7")]
    [InlineData("spiffe://example.org/ns/payments/sa/api")]
    [InlineData("spiffe://a-b_c.d/A.b-C_9")]
    [InlineData("spiffe://192.0.2.1/workload")]
    [InlineData("spiffe://example.org/...x")]
    public void Check_ValidWorkloadId_HasNoProblem(string id)
    {
        Assert.Null(SpiffeIdGrammar.Check(id, allowWildcard: false));
    }

    [Theory]
    [InlineData("spiffe://example.org/client/*")]
    [InlineData("spiffe://example.org/*")]
    public void Check_WildcardWhenAllowed_HasNoProblem(string id)
    {
        Assert.Null(SpiffeIdGrammar.Check(id, allowWildcard: true));
    }

    [Theory]
    [InlineData("spiffe://example.org/client/*", false, 28)]
    [InlineData("spiffe://example.org/client*", true, 27)]
    [InlineData("spiffe://example.org/*/client", true, 21)]
    [InlineData("spiffe://*.example.org/client", true, 9)]
    public void Check_WildcardWhereNotAllowed_PointsAtTheStar(string id, bool allowWildcard, int index)
    {
        var problem = SpiffeIdGrammar.Check(id, allowWildcard);

        Assert.NotNull(problem);
        Assert.Equal(index, problem.Index);
    }

    [Theory]
    [InlineData("http://example.org/a", "starts with spiffe://")]
    [InlineData("SPIFFE://example.org/a", "lower case")]
    [InlineData("spiffe:///a", "trust domain is empty")]
    [InlineData("spiffe://Example.org/a", "lower case")]
    [InlineData("spiffe://example.org:443/a", "no port")]
    [InlineData("spiffe://user@example.org/a", "no userinfo")]
    [InlineData("spiffe://exa%6Dple.org/a", "percent-encoded")]
    [InlineData("spiffe://example.org", "has a path")]
    [InlineData("spiffe://example.org/", "does not end in a slash")]
    [InlineData("spiffe://example.org/a/", "does not end in a slash")]
    [InlineData("spiffe://example.org//a", "no empty path segments")]
    [InlineData("spiffe://example.org/a/./b", "no . or ..")]
    [InlineData("spiffe://example.org/a/..", "no . or ..")]
    [InlineData("spiffe://example.org/a%2Fb", "never percent-encoded")]
    [InlineData("spiffe://example.org/a b", "only letters")]
    [InlineData("spiffe://example.org/a?x=1", "no query")]
    [InlineData("spiffe://example.org/a#f", "no query")]
    [InlineData("spiffe://example.org/é", "only letters")]
    public void Check_InvalidId_SaysWhy(string id, string reason)
    {
        var problem = SpiffeIdGrammar.Check(id, allowWildcard: true);

        Assert.NotNull(problem);
        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_LongerThan2048Bytes_IsRefused()
    {
        var atLimit = "spiffe://example.org/" + new string('a', SpiffeIdGrammar.MaxLength - "spiffe://example.org/".Length);

        Assert.Null(SpiffeIdGrammar.Check(atLimit, allowWildcard: false));
        Assert.NotNull(SpiffeIdGrammar.Check(atLimit + "a", allowWildcard: false));
    }
}
