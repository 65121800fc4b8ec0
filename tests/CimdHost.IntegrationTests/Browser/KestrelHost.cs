using System.Net;
using System.Net.Sockets;
using CimdHost.IntegrationTests.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CimdHost.IntegrationTests.Browser;

/// <summary>
/// The real service on Kestrel, bound to 127.0.0.1 with the public and the management listener each on a free port,
/// over a private copy of the shipped clients.d.
/// </summary>
internal sealed class KestrelHost : IAsyncDisposable
{
    private readonly CimdHostFactory _factory;

    private KestrelHost(CimdHostFactory factory, Uri publicUrl, Uri managementUrl)
    {
        _factory = factory;
        PublicUrl = publicUrl;
        ManagementUrl = managementUrl;
    }

    public Uri PublicUrl { get; }

    public Uri ManagementUrl { get; }

    public static async Task<KestrelHost> StartAsync()
    {
        var publicPort = FreePort();
        var managementPort = FreePort();
        while (managementPort == publicPort)
        {
            managementPort = FreePort();
        }

        var publicUrl = new Uri($"http://127.0.0.1:{publicPort}/");
        var managementUrl = new Uri($"http://127.0.0.1:{managementPort}/");
        var factory = CimdHostFactory.ForShippedClients()
            .WithSetting("urls", publicUrl.GetLeftPart(UriPartial.Authority))
            .WithSetting("Management:Urls", managementUrl.GetLeftPart(UriPartial.Authority));
        try
        {
            factory.UseKestrel();
            factory.StartServer();
            await factory.Catalog.FirstLoad.WaitAsync(TimeSpan.FromSeconds(30));

            var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            Assert.True(
                addresses.Contains(publicUrl.GetLeftPart(UriPartial.Authority)) && addresses.Contains(managementUrl.GetLeftPart(UriPartial.Authority)),
                $"Kestrel listens on {string.Join(", ", addresses)}, not on {publicUrl} and {managementUrl}.");

            return new KestrelHost(factory, publicUrl, managementUrl);
        }
        catch
        {
            await factory.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    /// <summary>A port that nothing listens on right now; the server binds it a moment later.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();

        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
