using CimdHost.Catalog;
using CimdHost.IntegrationTests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace CimdHost.IntegrationTests.Management;

/// <summary>The management listener's own events, asserted by their stable ids (3000-3099).</summary>
public sealed class ManagementLogTests
{
    private const string Category = "CimdHost.Management";

    [Fact]
    public async Task ManagementLog_StartAndRefusalOnPublicListener_WriteTheirEventIds()
    {
        using var factory = new CimdHostFactory();
        using var logged = factory.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging
            .AddFakeLogging()
            .AddFilter<FakeLoggerProvider>(Category, LogLevel.Debug)));
        _ = logged.Server;
        await logged.Services.GetRequiredService<ClientCatalog>().FirstLoad;

        var response = await logged.Server.SendRawAsync("/clients");

        Assert.Equal(404, response.Status);
        var ids = logged.Services.GetFakeLogCollector().GetSnapshot()
            .Where(record => record.Category == Category)
            .Select(record => record.Id)
            .ToArray();
        Assert.Contains(ids, id => id.Id == 3000 && id.Name == "ManagementListening");
        Assert.Contains(ids, id => id.Id == 3002 && id.Name == "ManagementEndpointRefused");
    }
}
