using CimdHost.IntegrationTests.TestSupport;
using Snapshooter;
using Snapshooter.Xunit;

namespace CimdHost.IntegrationTests.Serving;

/// <summary>
/// Golden files of every shipped document: the exact bytes and the headers an AS relies on. A change to a shipped
/// definition or to rendering shows up as a snapshot diff to review (snapshots live in __snapshots__/).
/// </summary>
public sealed class ShippedDocumentsTests(ShippedClientsFixture fixture) : IClassFixture<ShippedClientsFixture>
{
    [Theory]
    [InlineData("example", "/client.json?instance_id=7")]
    [InlineData("example-max", "/client.json?instance_id=999999")]
    [InlineData("pods", "/pods.json?namespace=payments&pod=7")]
    [InlineData("web-path", "/clients/web/7.json")]
    [InlineData("fleet-wildcard", "/clients/fleet.json")]
    [InlineData("billing-x509", "/clients/billing.json")]
    public async Task ShippedClient_Document_MatchesItsGoldenFile(string name, string target)
    {
        var response = await fixture.Server.SendRawAsync(target);

        var served = new
        {
            Target = target,
            response.Status,
            response.ContentType,
            CacheControl = response.Headers.CacheControl.ToString(),
            ETag = response.Headers.ETag.ToString(),
            Body = response.Text,
        };

        Assert.Equal(200, response.Status);
        Assert.False(response.Body.AsSpan().StartsWith("\uFEFF"u8));
        Snapshot.Match(served, new SnapshotNameExtension(name));
    }

    [Fact]
    public void ShippedClients_EveryDefinition_HasAGoldenDocument()
    {
        var covered = new[] { "example", "pods", "web-path", "fleet-wildcard", "billing-x509" };

        var shipped = Directory.GetFiles(Repository.ShippedClients, "*.yaml").Select(Path.GetFileNameWithoutExtension);

        Assert.Equal(covered.Order(), shipped.Order());
    }
}
