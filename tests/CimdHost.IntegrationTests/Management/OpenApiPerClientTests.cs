using CimdHost.IntegrationTests.TestSupport;

namespace CimdHost.IntegrationTests.Management;

/// <summary>The OpenAPI document on the management listener: one GET operation per client of the current snapshot.</summary>
public sealed class OpenApiPerClientTests(ShippedClientsFixture fixture) : IClassFixture<ShippedClientsFixture>
{
    [Fact]
    public async Task OpenApi_ShippedClients_OneGetOperationPerClientPath()
    {
        var document = await OpenApiDocuments.FetchAsync(fixture.Server);

        var paths = document["paths"]!.AsObject().Select(path => path.Key).ToArray();
        Assert.Equal(
            ["/client.json", "/clients", "/clients/billing.json", "/clients/fleet.json", "/clients/web/{instance_id}.json", "/pods.json"],
            paths.Order(StringComparer.Ordinal));
        Assert.Null(document["servers"]);
    }

    [Fact]
    public async Task OpenApi_QueryClient_DeclaresAnchoredQueryParameterAndRenderedExample()
    {
        var document = await OpenApiDocuments.FetchAsync(fixture.Server);

        var operation = OpenApiDocuments.Get(document, "/client.json");
        Assert.Equal("get-example", (string?)operation["operationId"]);
        Assert.Contains("query", (string?)operation["summary"], StringComparison.Ordinal);
        Assert.Contains("https://example.com/client.json?instance_id={instance_id}", (string?)operation["summary"], StringComparison.Ordinal);
        var parameter = OpenApiDocuments.Parameter(operation, "instance_id");
        Assert.Equal("query", (string?)parameter["in"]);
        Assert.True((bool?)parameter["required"]);
        Assert.Equal("^(?:[0-9]{1,6})$", (string?)parameter["schema"]!["pattern"]);
        Assert.Equal(64, (int?)parameter["schema"]!["maxLength"]);
        Assert.Equal("7", (string?)parameter["example"]);
        var example = operation["responses"]!["200"]!["content"]!["application/json"]!["example"]!;
        Assert.Equal("https://example.com/client.json?instance_id=7", (string?)example["client_id"]);
        Assert.Equal("spiffe://example.org/client/7", (string?)example["spiffe_id"]);
    }

    [Fact]
    public async Task OpenApi_PathClient_DeclaresPathParameter()
    {
        var document = await OpenApiDocuments.FetchAsync(fixture.Server);

        var operation = OpenApiDocuments.Get(document, "/clients/web/{instance_id}.json");
        Assert.StartsWith("path form: https://example.com/clients/web/{instance_id}.json", (string?)operation["summary"], StringComparison.Ordinal);
        var parameter = OpenApiDocuments.Parameter(operation, "instance_id");
        Assert.Equal("path", (string?)parameter["in"]);
        Assert.True((bool?)parameter["required"]);
        var example = operation["responses"]!["200"]!["content"]!["application/json"]!["example"]!;
        Assert.Equal("spiffe://example.org/web/7", (string?)example["spiffe_id"]);
        var badRequest = operation["responses"]!["400"]!["content"]!["application/problem+json"]!["example"]!;
        Assert.Equal("value-dot-segment", (string?)badRequest["code"]);
    }

    [Fact]
    public async Task OpenApi_TwoQueryParameters_KeepDeclaredOrder()
    {
        var document = await OpenApiDocuments.FetchAsync(fixture.Server);

        var names = OpenApiDocuments.Get(document, "/pods.json")["parameters"]!.AsArray()
            .Select(parameter => (string)parameter!["name"]!).ToArray();
        Assert.Equal(["namespace", "pod", "If-None-Match"], names);
        var pattern = (string?)OpenApiDocuments.Parameter(OpenApiDocuments.Get(document, "/pods.json"), "namespace")["schema"]!["pattern"];
        Assert.Equal("^(?:[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)$", pattern);
    }

    [Theory]
    [InlineData("/clients/billing.json", "fixed form")]
    [InlineData("/clients/fleet.json", "wildcard form")]
    public async Task OpenApi_ClientWithoutParameters_NamesItsFormAndHasExample(string path, string form)
    {
        var document = await OpenApiDocuments.FetchAsync(fixture.Server);

        var operation = OpenApiDocuments.Get(document, path);
        Assert.StartsWith($"{form}: https://example.com{path}", (string?)operation["summary"], StringComparison.Ordinal);
        Assert.Equal("https://example.com" + path,
            (string?)operation["responses"]!["200"]!["content"]!["application/json"]!["example"]!["client_id"]);
        Assert.Equal("query-not-accepted",
            (string?)operation["responses"]!["400"]!["content"]!["application/problem+json"]!["example"]!["code"]);
    }

    [Theory]
    [InlineData("/client.json")]
    [InlineData("/clients/web/{instance_id}.json")]
    [InlineData("/clients/billing.json")]
    public async Task OpenApi_EveryClient_Has304And400And404WithSharedProblemSchema(string path)
    {
        var document = await OpenApiDocuments.FetchAsync(fixture.Server);

        var responses = OpenApiDocuments.Get(document, path)["responses"]!;
        Assert.NotNull(responses["304"]);
        Assert.Null(responses["304"]!["content"]);
        foreach (var status in new[] { "400", "404" })
        {
            var problem = responses[status]!["content"]!["application/problem+json"]!;
            Assert.Equal("#/components/schemas/Problem", (string?)problem["schema"]!["$ref"]);
        }

        Assert.Equal("unknown-client", (string?)responses["404"]!["content"]!["application/problem+json"]!["example"]!["code"]);
        var schema = document["components"]!["schemas"]!["Problem"]!;
        Assert.Equal(["code", "status", "title", "type"],
            schema["required"]!.AsArray().Select(name => (string?)name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task OpenApi_StatusEndpoint_IsDocumentedUnderManagement()
    {
        var document = await OpenApiDocuments.FetchAsync(fixture.Server);

        var operation = OpenApiDocuments.Get(document, "/clients");
        Assert.Equal("Management", (string?)operation["tags"]![0]);
    }

    [Fact]
    public async Task OpenApi_AfterReload_DescribesAddedClientAndDropsRemovedOne()
    {
        using var factory = new CimdHostFactory();
        await factory.CreateReadyClientAsync();
        var before = await OpenApiDocuments.FetchAsync(factory.Server);
        Assert.NotNull(before["paths"]!["/clients/billing.json"]);

        File.WriteAllText(Path.Combine(factory.ClientsDirectory, "later.yaml"), SampleDefinitions.Query("/later.json"));
        File.Delete(Path.Combine(factory.ClientsDirectory, "billing-x509.yaml"));
        await factory.Catalog.ReloadAsync();
        var after = await OpenApiDocuments.FetchAsync(factory.Server);

        Assert.Null(after["paths"]!["/clients/billing.json"]);
        var operation = OpenApiDocuments.Get(after, "/later.json");
        Assert.Equal("get-later", (string?)operation["operationId"]);
        Assert.Equal("^(?:[0-9]{8})$", (string?)OpenApiDocuments.Parameter(operation, "instance_id")["schema"]!["pattern"]);

        // Without example values there is no rendered example document.
        Assert.Null(operation["responses"]!["200"]!["content"]!["application/json"]!["example"]);
    }

    [Fact]
    public async Task OpenApi_ClientsSharingPathOnTwoHosts_OneOperationDescribesBoth()
    {
        using var factory = new CimdHostFactory();
        await factory.CreateReadyClientAsync();
        var example = File.ReadAllText(Path.Combine(factory.ClientsDirectory, "example.yaml"));
        File.WriteAllText(Path.Combine(factory.ClientsDirectory, "other-host.yaml"), example
            .Replace("https://example.com/client.json", "https://other.example.net/client.json", StringComparison.Ordinal)
            .Replace("spiffe://example.org/client/", "spiffe://other.example.net/client/", StringComparison.Ordinal));
        await factory.Catalog.ReloadAsync();
        Assert.Equal(6, factory.Catalog.Current.Clients.Count);

        var document = await OpenApiDocuments.FetchAsync(factory.Server);

        var operation = OpenApiDocuments.Get(document, "/client.json");
        Assert.StartsWith("2 clients share /client.json", (string?)operation["summary"], StringComparison.Ordinal);
        Assert.Contains("### other.example.net", (string?)operation["description"], StringComparison.Ordinal);
        var examples = operation["responses"]!["200"]!["content"]!["application/json"]!["examples"]!.AsObject();
        Assert.Equal(["example.com", "other.example.net"], examples.Select(entry => entry.Key).Order(StringComparer.Ordinal));
        Assert.Equal("spiffe://other.example.net/client/7", (string?)examples["other.example.net"]!["value"]!["spiffe_id"]);
        Assert.True((bool?)OpenApiDocuments.Parameter(operation, "instance_id")["required"]);
    }

    [Fact]
    public async Task OpenApi_TwoDefinitionFilesWithOneName_GetDistinctOperationIds()
    {
        using var factory = new CimdHostFactory();
        await factory.CreateReadyClientAsync();
        File.WriteAllText(Path.Combine(factory.ClientsDirectory, "example.yml"), SampleDefinitions.Fixed("/twin.json"));
        await factory.Catalog.ReloadAsync();

        var document = await OpenApiDocuments.FetchAsync(factory.Server);

        var ids = document["paths"]!.AsObject()
            .Select(path => (string?)path.Value!["get"]!["operationId"])
            .ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Contains("get-example-2", ids);
    }
}
