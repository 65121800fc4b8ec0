using System.Text.Json;
using CimdHost.IntegrationTests.TestSupport;

namespace CimdHost.IntegrationTests.Serving;

/// <summary><c>hosting.client_id_query: exclude</c>, the mailing-list proposal, as an explicit opt-in.</summary>
public sealed class ClientIdQueryExcludeTests
{
    [Fact]
    public async Task Exclude_PublishesClientIdWithoutTheQuery_AndStillFillsSpiffeId()
    {
        using var factory = new CimdHostFactory(null);
        File.WriteAllText(Path.Combine(factory.ClientsDirectory, "legacy.yaml"), TestDefinitions.Query() + "  client_id_query: exclude\n");
        await factory.CreateReadyClientAsync();

        var response = await factory.Server.SendRawAsync("/probe.json?instance_id=7");
        var status = Assert.Single(factory.Catalog.Current.Definitions);

        Assert.Equal(200, response.Status);
        using var document = JsonDocument.Parse(response.Body);
        Assert.Equal("https://example.com/probe.json", document.RootElement.GetProperty("client_id").GetString());
        Assert.Equal("spiffe://example.org/probe/7", document.RootElement.GetProperty("spiffe_id").GetString());
        Assert.Contains(status.Findings, finding => finding.Rule == "client-id-query-excluded" && !finding.IsError);
    }

    [Fact]
    public async Task Exclude_StillServesOnlyTheCanonicalQuery()
    {
        using var factory = new CimdHostFactory(null);
        File.WriteAllText(Path.Combine(factory.ClientsDirectory, "legacy.yaml"), TestDefinitions.Query() + "  client_id_query: exclude\n");
        await factory.CreateReadyClientAsync();

        var response = await factory.Server.SendRawAsync("/probe.json?instance_id=7&x=1");

        ProblemAssert.IsProblem(response, 400, "undeclared-parameter");
    }
}
