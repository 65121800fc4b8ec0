using CimdHost.IntegrationTests.TestSupport;

namespace CimdHost.IntegrationTests.Serving;

/// <summary>Routing among many definitions: fixed paths, path templates, several origins on one path.</summary>
public sealed class RoutingTests
{
    [Fact]
    public async Task ThousandsOfDefinitions_EachAnswersOnlyItsOwnUrls()
    {
        using var factory = new CimdHostFactory(null);
        for (var i = 0; i < 1500; i++)
        {
            File.WriteAllText(Path.Combine(factory.ClientsDirectory, $"q{i}.yaml"), TestDefinitions.Query(path: $"/q/{i}.json", name: $"Q{i}"));
            File.WriteAllText(Path.Combine(factory.ClientsDirectory, $"t{i}.yaml"), $$"""
                client_id: https://example.com/t/{{i}}/{instance_id}.json
                client_name: T{{i}}
                token_endpoint_auth_method: spiffe_jwt
                grant_types: [client_credentials]
                response_types: []
                spiffe_id: spiffe://example.org/t{{i}}/{instance_id}
                hosting:
                  parameters:
                    instance_id:
                      pattern: '[0-9]{1,6}'
                """);
        }

        using var client = await factory.CreateReadyClientAsync();

        Assert.Equal(3000, factory.Catalog.Current.Clients.Count);
        foreach (var i in new[] { 0, 1, 749, 1499 })
        {
            var query = await factory.Server.SendRawAsync($"/q/{i}.json?instance_id=5");
            var path = await factory.Server.SendRawAsync($"/t/{i}/5.json");
            Assert.Contains($"\"client_name\":\"Q{i}\"", query.Text, StringComparison.Ordinal);
            Assert.Contains($"\"client_id\":\"https://example.com/t/{i}/5.json\"", path.Text, StringComparison.Ordinal);
        }

        Assert.Equal(404, (await factory.Server.SendRawAsync("/t/1500/5.json")).Status);
        Assert.Equal(404, (await factory.Server.SendRawAsync("/q/1500.json?instance_id=5")).Status);
    }

    [Fact]
    public async Task SamePathOnTwoOrigins_TheHostHeaderChooses()
    {
        using var factory = new CimdHostFactory(null);
        File.WriteAllText(Path.Combine(factory.ClientsDirectory, "a.yaml"), TestDefinitions.Fixed(path: "/shared.json", name: "A"));
        File.WriteAllText(Path.Combine(factory.ClientsDirectory, "b.yaml"),
            TestDefinitions.Fixed(path: "/shared.json", name: "B").Replace("https://example.com", "https://example.net", StringComparison.Ordinal));
        await factory.CreateReadyClientAsync();

        var a = await factory.Server.SendRawAsync("/shared.json", host: "example.com");
        var b = await factory.Server.SendRawAsync("/shared.json", host: "EXAMPLE.NET");
        var neither = await factory.Server.SendRawAsync("/shared.json", host: "evil.example");

        Assert.Contains("\"client_id\":\"https://example.com/shared.json\"", a.Text, StringComparison.Ordinal);
        Assert.Contains("\"client_id\":\"https://example.net/shared.json\"", b.Text, StringComparison.Ordinal);
        ProblemAssert.IsProblem(neither, 404, "unknown-client");
    }

    [Fact]
    public async Task ConflictingDefinitions_TheOneServedFirstKeepsServing()
    {
        using var factory = new CimdHostFactory(null);
        File.WriteAllText(Path.Combine(factory.ClientsDirectory, "z-first.yaml"), TestDefinitions.Fixed(path: "/same.json", name: "First"));
        await factory.CreateReadyClientAsync();

        File.WriteAllText(Path.Combine(factory.ClientsDirectory, "a-second.yaml"), TestDefinitions.Fixed(path: "/same.json", name: "Second"));
        await factory.Catalog.ReloadAsync();
        var response = await factory.Server.SendRawAsync("/same.json");

        Assert.Contains("\"First\"", response.Text, StringComparison.Ordinal);
        var refused = Assert.Single(factory.Catalog.Current.Definitions, status => status.Path.EndsWith("a-second.yaml", StringComparison.Ordinal));
        var finding = Assert.Single(refused.Findings);
        Assert.Equal("duplicate-client-id", finding.Rule);
        Assert.Contains("z-first.yaml", finding.Message, StringComparison.Ordinal);
    }
}
