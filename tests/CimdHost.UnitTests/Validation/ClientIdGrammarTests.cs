using CimdHost.Validation;

namespace CimdHost.UnitTests.Validation;

public sealed class ClientIdGrammarTests
{
    [Theory]
    [InlineData("https://example.com/client.json", "example.com", "/client.json")]
    [InlineData("https://example.com:8443/a.json", "example.com:8443", "/a.json")]
    [InlineData("https://sub.example.com/clients/web/{instance_id}.json", "sub.example.com", "/clients/web/{instance_id}.json")]
    [InlineData("https://example.com/a%20b.json", "example.com", "/a%20b.json")]
    [InlineData("https://example.com/a~b/c!$&'()*+,;=:@.json", "example.com", "/a~b/c!$&'()*+,;=:@.json")]
    public void Check_NormalizedUrl_IsParsed(string value, string authority, string path)
    {
        var problems = new List<GrammarProblem>();

        var url = ClientIdGrammar.Check(value, problems);

        Assert.DoesNotContain(problems, problem => !problem.IsWarning);
        Assert.NotNull(url);
        Assert.Equal(authority, url.Authority);
        Assert.Equal(path, url.Path);
    }

    [Theory]
    [InlineData("http://example.com/a.json", FindingRules.ClientIdScheme)]
    [InlineData("Https://example.com/a.json", FindingRules.ClientIdScheme)]
    [InlineData("example.com/a.json", FindingRules.ClientIdScheme)]
    [InlineData("https://u@example.com/a.json", FindingRules.ClientIdUserinfo)]
    [InlineData("https://example.com/a.json?x=1", FindingRules.ClientIdQuery)]
    [InlineData("https://example.com/a.json?", FindingRules.ClientIdQuery)]
    [InlineData("https://example.com/a.json#", FindingRules.ClientIdFragment)]
    [InlineData("https://example.com/a/../b.json", FindingRules.ClientIdDotSegment)]
    [InlineData("https://example.com/a/./b.json", FindingRules.ClientIdDotSegment)]
    [InlineData("https://example.com/a/%2E/b.json", FindingRules.ClientIdDotSegment)]
    [InlineData("https://example.com/a/.%2e/b.json", FindingRules.ClientIdDotSegment)]
    [InlineData("https://example.com/..", FindingRules.ClientIdDotSegment)]
    [InlineData("https://example.com//a.json", FindingRules.ClientIdEmptySegment)]
    [InlineData("https://example.com/", FindingRules.ClientIdPath)]
    [InlineData("https://example.com", FindingRules.ClientIdPath)]
    [InlineData("https://example.com/a/", FindingRules.ClientIdTrailingSlash)]
    [InlineData("https://EXAMPLE.com/a.json", FindingRules.ClientIdHost)]
    [InlineData("https://example.com./a.json", FindingRules.ClientIdHost)]
    [InlineData("https://example..com/a.json", FindingRules.ClientIdHost)]
    [InlineData("https://-example.com/a.json", FindingRules.ClientIdHost)]
    [InlineData("https://exa_mple.com/a.json", FindingRules.ClientIdHost)]
    [InlineData("https://localhost/a.json", FindingRules.ClientIdHost)]
    [InlineData("https://app.localhost/a.json", FindingRules.ClientIdHost)]
    [InlineData("https://printer.local/a.json", FindingRules.ClientIdHost)]
    [InlineData("https://127.0.0.1/a.json", FindingRules.ClientIdHost)]
    [InlineData("https://[::1]/a.json", FindingRules.ClientIdHost)]
    [InlineData("https://intranet/a.json", FindingRules.ClientIdHost)]
    [InlineData("https://example.com:443/a.json", FindingRules.ClientIdPort)]
    [InlineData("https://example.com:/a.json", FindingRules.ClientIdPort)]
    [InlineData("https://example.com:0443/a.json", FindingRules.ClientIdPort)]
    [InlineData("https://example.com:65536/a.json", FindingRules.ClientIdPort)]
    [InlineData("https://example.com/%7E.json", FindingRules.ClientIdEncoding)]
    [InlineData("https://example.com/%2f.json", FindingRules.ClientIdEncoding)]
    [InlineData("https://example.com/%G1.json", FindingRules.ClientIdEncoding)]
    [InlineData("https://example.com/a b.json", FindingRules.ClientIdEncoding)]
    [InlineData("https://example.com/a\"b.json", FindingRules.ClientIdEncoding)]
    [InlineData("https://example.com/é.json", FindingRules.ClientIdEncoding)]
    [InlineData("https://{x}.example.com/a.json", FindingRules.ClientIdPlaceholder)]
    [InlineData("https://example.com/{a}{b}.json", FindingRules.ClientIdPlaceholder)]
    [InlineData("https://example.com/{1a}.json", FindingRules.ClientIdPlaceholder)]
    [InlineData("https://example.com/a}.json", FindingRules.ClientIdPlaceholder)]
    public void Check_UnnormalizedOrForbiddenSpelling_IsAnError(string value, string rule)
    {
        var problems = new List<GrammarProblem>();

        ClientIdGrammar.Check(value, problems);

        Assert.Contains(problems, problem => problem.Rule == rule && !problem.IsWarning);
    }

    [Fact]
    public void Check_OtherPort_IsOnlyAWarning()
    {
        var problems = new List<GrammarProblem>();

        ClientIdGrammar.Check("https://example.com:8443/a.json", problems);

        var problem = Assert.Single(problems);
        Assert.True(problem.IsWarning);
        Assert.Equal(FindingRules.ClientIdPort, problem.Rule);
    }

    [Fact]
    public void Check_Problem_PointsAtTheOffendingCharacter()
    {
        var problems = new List<GrammarProblem>();

        ClientIdGrammar.Check("https://example.com/a.json?x=1", problems);

        Assert.Equal("https://example.com/a.json".Length, Assert.Single(problems).Index);
    }
}
