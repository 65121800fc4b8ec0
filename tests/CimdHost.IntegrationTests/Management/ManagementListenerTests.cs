using CimdHost.IntegrationTests.TestSupport;

namespace CimdHost.IntegrationTests.Management;

/// <summary>Status, OpenAPI, Swagger UI and metrics answer on the management listener and nowhere else.</summary>
public sealed class ManagementListenerTests(ShippedClientsFixture fixture) : IClassFixture<ShippedClientsFixture>
{
    [Theory]
    [InlineData("/clients")]
    [InlineData("/clients?format=html")]
    [InlineData("/metrics")]
    [InlineData("/swagger")]
    [InlineData("/swagger/index.html")]
    [InlineData("/swagger/index.css")]
    [InlineData("/swagger/v1/swagger.json")]
    [InlineData("/swagger/v1/swagger.yaml")]
    public async Task PublicListener_ManagementPath_Returns404Problem(string target)
    {
        var response = await fixture.Server.SendRawAsync(target);

        ProblemAssert.IsProblem(response, 404, "unknown-client");
    }

    [Theory]
    [InlineData("/clients", "application/json")]
    [InlineData("/metrics", "text/plain")]
    [InlineData("/swagger/index.html", "text/html")]
    [InlineData("/swagger/v1/swagger.json", "application/json")]
    public async Task ManagementListener_ManagementPath_Answers(string target, string mediaType)
    {
        var response = await fixture.Server.SendRawAsync(target, headers: ManagementRequests.Listener);

        Assert.True(response.Status == 200, $"{target}: {response.Status} {response.Text}");
        Assert.StartsWith(mediaType, response.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManagementListener_SwaggerFolder_RedirectsToIndex()
    {
        var response = await fixture.Server.SendRawAsync("/swagger", headers: ManagementRequests.Listener);

        Assert.Equal(301, response.Status);
        Assert.EndsWith("swagger/index.html", response.Headers.Location.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManagementListener_Document_IsServedForTryItOut()
    {
        var response = await fixture.Server.SendRawAsync("/client.json?instance_id=7", headers: ManagementRequests.Listener);

        Assert.Equal(200, response.Status);
        Assert.Contains("spiffe://example.org/client/7", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManagementListener_UnknownSwaggerAsset_Returns404Problem()
    {
        var response = await fixture.Server.SendRawAsync("/swagger/no-such-file.js", headers: ManagementRequests.Listener);

        ProblemAssert.IsProblem(response, 404, "unknown-client");
    }
}
