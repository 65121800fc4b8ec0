using CimdHost.IntegrationTests.Oracles;

namespace CimdHost.IntegrationTests.Interop;

/// <summary>
/// End to end as an AS sees it: fetch the client's document from CimdHost, validate the JWT-SVID against the trust
/// bundle, and accept only when its sub matches the document's spiffe_id (SPIFFE client auth sections 3.1 and 5.1).
/// </summary>
public sealed class SpiffeJwtAuthenticationTests(SpiffeInteropFixture fixture) : IClassFixture<SpiffeInteropFixture>
{
    private static readonly string[] IssuerOnly = [SpiffeAuthorizationServer.Issuer];

    [Theory]
    [InlineData("/client.json?instance_id=7", "spiffe://example.org/client/7")]
    [InlineData("/client.json?instance_id=999999", "spiffe://example.org/client/999999")]
    [InlineData("/clients/fleet.json", "spiffe://example.org/fleet/7")]
    [InlineData("/clients/fleet.json", "spiffe://example.org/fleet/a/b")]
    [InlineData("/clients/web/7.json", "spiffe://example.org/web/7")]
    [InlineData("/pods.json?namespace=payments&pod=7", "spiffe://example.org/ns/payments/pod/7")]
    public async Task Authenticate_SvidOfTheDocumentsWorkload_Accepted(string target, string spiffeId)
    {
        var assertion = fixture.TrustDomain.Mint(spiffeId, IssuerOnly);

        var verdict = await AuthenticateAsync(target, assertion);

        Assert.True(verdict.IsAccepted, verdict.ToString());
    }

    [Theory]
    [InlineData("/client.json?instance_id=8", "spiffe://example.org/client/7")]
    [InlineData("/client.json?instance_id=7", "spiffe://example.org/client/7/x")]
    [InlineData("/client.json?instance_id=7", "spiffe://example.org/client/70")]
    [InlineData("/clients/fleet.json", "spiffe://example.org/fleet7")]
    [InlineData("/clients/fleet.json", "spiffe://example.org/fleet")]
    [InlineData("/clients/fleet.json", "spiffe://example.org/fleetx/7")]
    [InlineData("/clients/fleet.json", "spiffe://example.net/fleet/7")]
    [InlineData("/clients/fleet.json", "spiffe://example.org/Fleet/7")]
    [InlineData("/clients/web/8.json", "spiffe://example.org/web/7")]
    [InlineData("/pods.json?namespace=payments&pod=8", "spiffe://example.org/ns/payments/pod/7")]
    [InlineData("/pods.json?namespace=billing&pod=7", "spiffe://example.org/ns/payments/pod/7")]
    public async Task Authenticate_SvidOfAnotherWorkload_RefusedBySpiffeIdMatch(string target, string spiffeId)
    {
        var assertion = fixture.TrustDomain.Mint(spiffeId, IssuerOnly);

        var verdict = await AuthenticateAsync(target, assertion);

        Assert.Equal(AsCheck.SpiffeId, verdict.FailedCheck);
    }

    [Theory]
    [InlineData("spiffe://example.org/fleet/")]
    [InlineData("spiffe://example.org/fleet/../admin")]
    [InlineData("spiffe://example.org/fleet//7")]
    [InlineData("spiffe://Example.org/fleet/7")]
    [InlineData("https://example.org/fleet/7")]
    public async Task Authenticate_SubIsNoSpiffeId_RefusedBeforeMatching(string subject)
    {
        var assertion = fixture.TrustDomain.Mint(subject, IssuerOnly);

        var verdict = await AuthenticateAsync("/clients/fleet.json", assertion);

        Assert.Equal(AsCheck.Assertion, verdict.FailedCheck);
    }

    [Fact]
    public async Task Authenticate_SvidSignedWithBundlesRsaKey_Accepted()
    {
        var assertion = fixture.TrustDomain.Mint("spiffe://example.org/client/7", IssuerOnly, SvidSigner.BundleRsaKey);

        var verdict = await AuthenticateAsync("/client.json?instance_id=7", assertion);

        Assert.True(verdict.IsAccepted, verdict.ToString());
    }

    [Theory]
    [InlineData(SvidSigner.OutsiderKey)]
    [InlineData(SvidSigner.OutsiderKeyWithBundleKid)]
    [InlineData(SvidSigner.X509AuthorityKey)]
    public async Task Authenticate_SvidNotSignedByAJwtSvidKeyOfTheBundle_RefusedBySignature(SvidSigner signer)
    {
        var assertion = fixture.TrustDomain.Mint("spiffe://example.org/client/7", IssuerOnly, signer);

        var verdict = await AuthenticateAsync("/client.json?instance_id=7", assertion);

        Assert.Equal(AsCheck.Signature, verdict.FailedCheck);
    }

    [Fact]
    public async Task Authenticate_ExpiredSvid_RefusedByLifetime()
    {
        var assertion = fixture.TrustDomain.Mint("spiffe://example.org/client/7", IssuerOnly, lifetime: TimeSpan.FromMinutes(-1));

        var verdict = await AuthenticateAsync("/client.json?instance_id=7", assertion);

        Assert.Equal(AsCheck.Lifetime, verdict.FailedCheck);
    }

    [Theory]
    [InlineData("https://other-as.example.com/")]
    [InlineData("https://as.example.com/token")]
    [InlineData("https://as.example.com")]
    public async Task Authenticate_SvidForAnotherAudience_RefusedByAudience(string audience)
    {
        var assertion = fixture.TrustDomain.Mint("spiffe://example.org/client/7", [audience]);

        var verdict = await AuthenticateAsync("/client.json?instance_id=7", assertion);

        Assert.Equal(AsCheck.Audience, verdict.FailedCheck);
    }

    [Fact]
    public async Task Authenticate_SvidWithASecondAudience_RefusedByAudience()
    {
        var assertion = fixture.TrustDomain.Mint(
            "spiffe://example.org/client/7", [SpiffeAuthorizationServer.Issuer, "https://other-as.example.com/"]);

        var verdict = await AuthenticateAsync("/client.json?instance_id=7", assertion);

        Assert.Equal(AsCheck.Audience, verdict.FailedCheck);
    }

    [Theory]
    [InlineData("/client.json?instance_id=7&instance_id=7")]
    [InlineData("/client.json")]
    [InlineData("/pods.json?pod=7&namespace=payments")]
    [InlineData("/clients/fleet.json?instance_id=7")]
    [InlineData("/clients/web/7.json?x=1")]
    [InlineData("/Client.json?instance_id=7")]
    public async Task Authenticate_ClientIdNoDocumentNames_RefusedAtFetch(string target)
    {
        var assertion = fixture.TrustDomain.Mint("spiffe://example.org/client/7", IssuerOnly);

        var verdict = await AuthenticateAsync(target, assertion);

        Assert.Equal(AsCheck.Fetch, verdict.FailedCheck);
    }

    [Fact]
    public async Task Authenticate_ClientIdThatUriWouldRespell_RefusedBeforeFetching()
    {
        var assertion = fixture.TrustDomain.Mint("spiffe://example.org/client/7", IssuerOnly);

        // System.Uri turns %37 into 7, so fetching would ask for another client_id than the one named.
        var verdict = await AuthenticateAsync("/client.json?instance_id=%37", assertion);

        Assert.Equal(AsCheck.Fetch, verdict.FailedCheck);
        Assert.Contains("canonical form", verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_X509Client_RefusesAJwtSvidEvenForItsOwnId()
    {
        var assertion = fixture.TrustDomain.Mint("spiffe://example.org/billing/api", IssuerOnly);

        var verdict = await AuthenticateAsync("/clients/billing.json", assertion);

        Assert.Equal(AsCheck.AuthMethod, verdict.FailedCheck);
    }

    [Theory]
    [MemberData(nameof(ExampleTargets))]
    public async Task FetchDocument_EveryShippedClient_PassesTheAsFetchChecks(string target)
    {
        var clientId = ShippedClients.Origin + target;

        var (document, verdict) = await fixture.AuthorizationServer.FetchDocumentAsync(clientId, CancellationToken.None);

        Assert.True(verdict.IsAccepted, verdict.ToString());
        Assert.Equal(ShippedClients.ExpectedSpiffeId(target), document!.Value.GetProperty("spiffe_id").GetString());
    }

    public static TheoryData<string> ExampleTargets() => new(ShippedClients.ExampleTargets);

    private Task<AsVerdict> AuthenticateAsync(string target, string assertion) =>
        fixture.AuthorizationServer.AuthenticateAsync(ShippedClients.Origin + target, assertion);
}
