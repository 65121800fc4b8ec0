using CimdHost.Serving;

namespace CimdHost.Management;

internal static class ManagementEndpoints
{
    /// <summary>The paths the service keeps for itself; a client_id with one of these paths is refused at load.</summary>
    public static readonly string[] ReservedPaths =
        ["/healthz", "/readyz", "/clients", "/metrics", "/swagger", "/swagger/"];

    private const string LoggerCategory = "CimdHost.Management";

    /// <summary>Registers the management listener's services: its options, the listener split, OpenAPI per client and metrics.</summary>
    public static WebApplicationBuilder AddManagement(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ManagementOptions.SectionName).Get<ManagementOptions>() ?? new();
        var publicUrls = Listeners.PublicUrls(builder.Configuration);
        var managementUrls = Listeners.Split(options.Urls);
        var managementPorts = Listeners.Ports(managementUrls);
        if (publicUrls.Any(url => managementPorts.Contains(BindingAddress.Parse(url).Port)))
        {
            throw new InvalidOperationException("Management:Urls and the public --urls must use different ports.");
        }

        // Note: with ASPNETCORE_HTTP_PORTS set, Kestrel warns that URLS override it; the URLs here include those ports.
        builder.WebHost.UseUrls([.. publicUrls, .. managementUrls]);
        builder.Services.AddSingleton(new Listeners(managementPorts));
        builder.Services.AddOpenApiPerClient();
        builder.Services.AddManagementMetrics();

        return builder;
    }

    /// <summary>Maps status, OpenAPI, Swagger UI and metrics, all answering on the management listener only.</summary>
    public static WebApplication MapManagement(this WebApplication app)
    {
        var management = app.MapGroup("").WithMetadata(ManagementOnlyMetadata.Instance);
        management.MapStatus();
        management.MapOpenApiPerClient();
        management.MapMetrics();

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerCategory);
        var urls = Listeners.Split(app.Configuration.GetSection(ManagementOptions.SectionName).Get<ManagementOptions>()?.Urls
            ?? new ManagementOptions().Urls);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (urls.Count == 0)
            {
                logger.ManagementDisabled();
            }
            else if (logger.IsEnabled(LogLevel.Information))
            {
                logger.ManagementListening(string.Join(';', urls));
            }
        });

        return app;
    }

    /// <summary>
    /// Refuses management endpoints on the public listener with the same 404 an unknown path gets, so the public port
    /// does not even reveal that they exist.
    /// </summary>
    public static IApplicationBuilder UseManagementListener(this IApplicationBuilder app)
    {
        var listeners = app.ApplicationServices.GetRequiredService<Listeners>();
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerCategory);

        return app.Use((context, next) =>
        {
            var endpoint = context.GetEndpoint();
            if (endpoint?.Metadata.GetMetadata<ManagementOnlyMetadata>() is not null && !listeners.IsManagement(context))
            {
                logger.ManagementEndpointRefused(endpoint.DisplayName ?? "a management endpoint", context.Connection.LocalPort);
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return TypedResults.Problem(DocumentProblem.NotFound().ToProblemDetails()).ExecuteAsync(context);
            }

            return next(context);
        });
    }
}
