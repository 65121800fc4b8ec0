using CimdHost.Serving;
using Microsoft.OpenApi;

namespace CimdHost.Management;

/// <summary>OpenAPI for the management listener: one GET operation per loaded client, rebuilt on every fetch.</summary>
internal static class OpenApiPerClient
{
    public const string DocumentName = "v1";

    /// <summary>Registers the generator; the filter reads the catalog's current snapshot each time the document is fetched.</summary>
    public static IServiceCollection AddOpenApiPerClient(this IServiceCollection services)
    {
        // The generator describes endpoints through the API explorer; /clients is the only described one besides the clients.
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "CimdHost",
                Version = DocumentName,
                Description = "The Client ID Metadata Documents this service publishes right now, one operation per client, "
                    + "generated from the current definitions on every fetch. Try it out sends the request to this listener. "
                    + "Status: [/clients](/clients?format=html); metrics: [/metrics](/metrics).",
            });
            options.DocumentFilter<ClientOperationsFilter>();
        });

        return services;
    }

    /// <summary>Maps the OpenAPI document and the Swagger UI; the caller makes them management-only.</summary>
    public static IEndpointRouteBuilder MapOpenApiPerClient(this IEndpointRouteBuilder routes)
    {
        routes.MapSwagger();

        // Note: Swagger UI is middleware; running it inside an endpoint lets the listener rule and the route table
        // treat it like any other management endpoint, instead of it answering ahead of routing.
        var ui = routes.CreateApplicationBuilder();
        ui.UseSwaggerUI(options =>
        {
            // Relative, so the page fetches the document (and Try it out sends requests) on the listener it came from.
            options.SwaggerEndpoint($"{DocumentName}/swagger.json", "CimdHost");
            options.DocumentTitle = "CimdHost clients";
            options.DisplayRequestDuration();
            options.DefaultModelsExpandDepth(-1);
        });
        ui.Run(context => TypedResults.Problem(DocumentProblem.NotFound().ToProblemDetails()).ExecuteAsync(context));

        routes.MapGet("/swagger/{**asset}", ui.Build())
            .WithDisplayName("Swagger UI")
            .ExcludeFromDescription();

        return routes;
    }
}
