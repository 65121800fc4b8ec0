using System.Diagnostics;
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

/// <summary>Startup: a bad setting stops the service with a clear error; /readyz is 503 until the first load.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData("Clients__Directory", "/nonexistent/clients.d",
        "CimdHost: Clients:Directory names a folder that does not exist")]
    [InlineData("Clients__CacheSizeLimitMegabytes", "-1", "CimdHost: Clients:CacheSizeLimitMegabytes must be 0")]
    [InlineData("Clients__CacheSizeLimitMegabytes", "abc",
        "CimdHost: Failed to convert configuration value 'abc' at 'Clients:CacheSizeLimitMegabytes'")]
    [InlineData("Clients__DefaultMaxAge", "1e3",
        "CimdHost: Failed to convert configuration value '1e3' at 'Clients:DefaultMaxAge'")]
    public async Task Startup_BadSetting_ExitsWithAClearError(string setting, string value, string message)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "CimdHost.dll"),
            "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["Clients__Directory"] = Repository.ShippedClients;
        start.Environment[setting] = value;
        start.Environment["Management__Urls"] = "http://127.0.0.1:18097";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        _ = process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        Assert.Contains(message, await error, StringComparison.Ordinal);
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
}
