using CimdHost.Catalog;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CimdHost.IntegrationTests.TestSupport;

/// <summary>
/// The real pipeline over a private copy of a clients folder. Requests carrying <see cref="ListenerHeader"/> arrive
/// as if on the management listener (the test server has no sockets, so the local port is simulated).
/// </summary>
public sealed class CimdHostFactory : WebApplicationFactory<Program>
{
    public const string ListenerHeader = "X-Test-Listener";
    public const int ManagementPort = 18081;

    private readonly DirectoryInfo _clients = Directory.CreateTempSubdirectory("cimdhost-");
    private readonly Dictionary<string, string?> _settings = new();

    static CimdHostFactory()
    {
        // Note: each host's appsettings watcher costs an inotify instance (128 per user by default); the tests
        // start many hosts at once, and CimdHost's own folder watcher must not be the one that runs out.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }

    public CimdHostFactory()
        : this(Path.Combine(Repository.TestData, "clients.d"))
    {
    }

    public CimdHostFactory(string? sourceClients, FakeTimeProvider? time = null)
    {
        if (sourceClients is not null)
        {
            Repository.CopyDirectory(sourceClients, _clients.FullName);
        }

        Time = time;
    }

    /// <summary>The fake clock, when the test drives time; otherwise the system clock is used.</summary>
    public FakeTimeProvider? Time { get; }

    public string ClientsDirectory => _clients.FullName;

    public static CimdHostFactory ForShippedClients() => new(Repository.ShippedClients);

    /// <summary>Sets a configuration value before the host starts (for example <c>Clients:PollInterval</c>).</summary>
    public CimdHostFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    internal ClientCatalog Catalog => Services.GetRequiredService<ClientCatalog>();

    /// <summary>A client whose requests wait for the first load, so no test sees the 503 of a starting service.</summary>
    public async Task<HttpClient> CreateReadyClientAsync(bool management = false)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await Catalog.FirstLoad;
        if (management)
        {
            client.DefaultRequestHeaders.Add(ListenerHeader, "management");
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Clients:Directory", ClientsDirectory);
        builder.UseSetting("Clients:ReloadDebounce", "00:00:00.100");
        builder.UseSetting("Clients:PollInterval", "00:00:00.250");
        builder.UseSetting("Management:Urls", $"http://127.0.0.1:{ManagementPort}");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            if (Time is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Time);
            }

            services.AddSingleton<IStartupFilter, SimulatedListenerFilter>();
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                _clients.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A watcher may still hold the folder for a moment; the temp folder is cleaned by the OS later.
            }
        }
    }

    private sealed class SimulatedListenerFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (context.Request.Headers.ContainsKey(ListenerHeader))
                {
                    context.Connection.LocalPort = ManagementPort;
                }

                return following(context);
            });
            next(app);
        };
    }
}
