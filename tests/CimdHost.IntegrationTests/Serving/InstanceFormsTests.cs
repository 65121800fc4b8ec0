using System.Text.Json;
using CimdHost.IntegrationTests.TestSupport;

namespace CimdHost.IntegrationTests.Serving;

/// <summary>The three per-instance forms end to end: query (one and two parameters), path templates and wildcards.</summary>
public sealed class InstanceFormsTests(ShippedClientsFixture fixture) : IClassFixture<ShippedClientsFixture>
{
    [Theory]
    [InlineData("/clients/web/7.json", "https://example.com/clients/web/7.json", "spiffe://example.org/web/7")]
    [InlineData("/clients/web/000123.json", "https://example.com/clients/web/000123.json", "spiffe://example.org/web/000123")]
    [InlineData("/pods.json?namespace=payments&pod=7", "https://example.com/pods.json?namespace=payments&pod=7", "spiffe://example.org/ns/payments/pod/7")]
    [InlineData("/pods.json?namespace=a&pod=1", "https://example.com/pods.json?namespace=a&pod=1", "spiffe://example.org/ns/a/pod/1")]
    [InlineData("/clients/fleet.json", "https://example.com/clients/fleet.json", "spiffe://example.org/fleet/*")]
    public async Task Form_CanonicalRequest_ServesExactClientIdAndSpiffeId(string target, string clientId, string spiffeId)
    {
        var response = await fixture.Server.SendRawAsync(target);

        Assert.Equal(200, response.Status);
        using var document = JsonDocument.Parse(response.Body);
        Assert.Equal(clientId, document.RootElement.GetProperty("client_id").GetString());
        Assert.Equal(spiffeId, document.RootElement.GetProperty("spiffe_id").GetString());
    }

    [Theory]
    [InlineData("/pods.json?pod=7&namespace=payments", 400, "parameter-order")]
    [InlineData("/pods.json?namespace=payments", 400, "missing-parameter")]
    [InlineData("/pods.json?pod=7", 400, "missing-parameter")]
    [InlineData("/pods.json?namespace=Payments&pod=7", 400, "pattern-mismatch")]
    [InlineData("/pods.json?namespace=pay/ments&pod=7", 400, "value-adds-segment")]
    [InlineData("/pods.json?namespace=..&pod=7", 400, "value-dot-segment")]
    [InlineData("/clients/web/7.json?instance_id=7", 400, "query-not-accepted")]
    [InlineData("/clients/web/7.json?", 400, "query-not-accepted")]
    [InlineData("/clients/web/abc.json", 400, "pattern-mismatch")]
    [InlineData("/clients/web/..json", 400, "value-dot-segment")]
    [InlineData("/clients/web/.json", 400, "value-empty-segment")]
    [InlineData("/clients/web/%2e%2e.json", 400, "value-dot-segment")]
    [InlineData("/clients/web/1%2F2.json", 400, "value-adds-segment")]
    [InlineData("/clients/web/%37.json", 400, "needless-encoding")]
    [InlineData("/clients/web/1/2.json", 404, "unknown-client")]
    [InlineData("/clients/web/7.json/", 404, "unknown-client")]
    [InlineData("/clients/web/7", 404, "unknown-client")]
    [InlineData("/clients/web/7.JSON", 404, "unknown-client")]
    [InlineData("/clients/web//7.json", 404, "unknown-client")]
    [InlineData("/clients/fleet.json?instance_id=7", 400, "query-not-accepted")]
    [InlineData("/clients/billing.json?x", 400, "query-not-accepted")]
    public async Task Form_NonCanonicalRequest_IsRefused(string target, int status, string code)
    {
        var response = await fixture.Server.SendRawAsync(target);

        ProblemAssert.IsProblem(response, status, code);
    }

    [Fact]
    public async Task Form_WrongOrder_NamesTheCanonicalUrl()
    {
        var response = await fixture.Server.SendRawAsync("/pods.json?pod=7&namespace=payments");

        var problem = ProblemAssert.IsProblem(response, 400, "parameter-order");
        Assert.Equal("https://example.com/pods.json?namespace=payments&pod=7", problem.GetProperty("canonical_url").GetString());
    }

    [Fact]
    public async Task Form_QueryOnPathClient_NamesTheCanonicalUrl()
    {
        var response = await fixture.Server.SendRawAsync("/clients/web/7.json?instance_id=7");

        var problem = ProblemAssert.IsProblem(response, 400, "query-not-accepted");
        Assert.Equal("https://example.com/clients/web/7.json", problem.GetProperty("canonical_url").GetString());
    }

    [Fact]
    public async Task Problem_NeverEchoesRawInput()
    {
        var response = await fixture.Server.SendRawAsync("/client.json?instance_id=%3Cscript%3E&x=%3Cb%3E");

        Assert.Equal(400, response.Status);
        Assert.DoesNotContain("<", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("script", response.Text, StringComparison.Ordinal);
    }
}
