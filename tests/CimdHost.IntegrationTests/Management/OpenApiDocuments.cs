using System.Text.Json.Nodes;
using CimdHost.IntegrationTests.TestSupport;
using Microsoft.AspNetCore.TestHost;

namespace CimdHost.IntegrationTests.Management;

internal static class OpenApiDocuments
{
    /// <summary>Fetches the OpenAPI document from the management listener.</summary>
    public static async Task<JsonNode> FetchAsync(TestServer server)
    {
        var response = await server.SendRawAsync("/swagger/v1/swagger.json", headers: ManagementRequests.Listener);
        Assert.True(response.Status == 200, response.Text);

        return JsonNode.Parse(response.Text)!;
    }

    public static JsonNode Get(JsonNode document, string path) =>
        document["paths"]?[path]?["get"] ?? throw new Xunit.Sdk.XunitException($"no GET {path} in {document["paths"]?.ToJsonString()}");

    public static JsonNode Parameter(JsonNode operation, string name) =>
        operation["parameters"]!.AsArray().Single(parameter => (string?)parameter!["name"] == name)!;
}
