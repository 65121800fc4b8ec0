using System.Net;
using System.Text.Json;
using CimdHost.Catalog;
using CimdHost.IntegrationTests.TestSupport;
using CimdHost.Serving;
using CimdHost.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CimdHost.IntegrationTests.Catalog;

/// <summary>Startup: a missing folder stops the service with a clear error; /readyz is 503 until the first load.</summary>
public sealed class StartupTests
{
    [Fact]
    public void Startup_MissingClientsFolder_FailsWithAClearError()
    {
        using var factory = new CimdHostFactory(null).WithSetting("Clients:Directory", "/nonexistent/clients.d");

        var exception = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var messages = string.Join(" | ", Flatten(exception).Select(inner => inner.Message));
        Assert.Contains("Clients:Directory", messages, StringComparison.Ordinal);
    }

    [Fact]
    public void Readiness_BeforeTheFirstLoad_Is503()
    {
        var options = Options.Create(new ClientsOptions { Directory = Path.GetTempPath() });
        using var catalog = new ClientCatalog(new CatalogLoader(new DefinitionValidator(), TimeProvider.System), options,
            new ReservedPaths([]), NullLogger<ClientCatalog>.Instance);

        var result = DocumentEndpoints.GetReadiness(catalog).Result;

        var json = Assert.IsType<JsonHttpResult<ReadinessReport>>(result);
        Assert.Equal(503, json.StatusCode);
        Assert.Equal("loading", json.Value!.Status);
    }

    [Fact]
    public async Task Readiness_AfterTheFirstLoad_Is200()
    {
        using var factory = new CimdHostFactory();
        using var client = await factory.CreateReadyClientAsync();

        using var response = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ready", report.RootElement.GetProperty("status").GetString());
    }

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }
}
