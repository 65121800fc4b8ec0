using CimdHost.Serving;

namespace CimdHost.Management;

internal static class ManagementEndpoints
{
    /// <summary>The paths the service keeps for itself; a client_id with one of these paths is refused at load.</summary>
    public static readonly string[] ReservedPaths =
        ["/healthz", "/readyz", "/clients", "/metrics", "/swagger", "/swagger/index.html", "/swagger/v1/swagger.json"];

    /// <summary>Registers the management listener's services: its options, the listener split, and OpenAPI per client.</summary>
    public static WebApplicationBuilder AddManagement(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ManagementOptions.SectionName).Get<ManagementOptions>() ?? new();
        var publicUrls = Listeners.Split(builder.Configuration["urls"] ?? Listeners.DefaultPublicUrls);
        var managementUrls = Listeners.Split(options.Urls);
        var managementPorts = Listeners.Ports(managementUrls);
        if (publicUrls.Any(url => managementPorts.Contains(BindingAddress.Parse(url).Port)))
        {
            throw new InvalidOperationException("Management:Urls and the public --urls must use different ports.");
        }

        builder.WebHost.UseUrls([.. publicUrls, .. managementUrls]);
        builder.Services.AddSingleton(new Listeners(managementPorts));
        builder.Services.AddOpenApiPerClient();

        return builder;
    }

    /// <summary>Maps status, OpenAPI and Swagger UI, all answering on the management listener only.</summary>
    public static WebApplication MapManagement(this WebApplication app)
    {
        app.MapStatus().WithMetadata(ManagementOnlyMetadata.Instance);
        app.MapOpenApiPerClient().WithMetadata(ManagementOnlyMetadata.Instance);

        return app;
    }

    /// <summary>
    /// Refuses management endpoints on the public listener with the same 404 an unknown path gets, so the public port
    /// does not even reveal that they exist.
    /// </summary>
    public static IApplicationBuilder UseManagementListener(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var listeners = context.RequestServices.GetRequiredService<Listeners>();
        var managementOnly = context.GetEndpoint()?.Metadata.GetMetadata<ManagementOnlyMetadata>() is not null;
        if (managementOnly && !listeners.IsManagement(context))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Results.Problem(DocumentProblem.NotFound().ToProblemDetails()).ExecuteAsync(context);
        }

        return next(context);
    });
}
