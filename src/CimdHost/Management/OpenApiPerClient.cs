using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using CimdHost.Catalog;

namespace CimdHost.Management;

/// <summary>OpenAPI for the management listener: one GET operation per loaded client, rebuilt on every fetch.</summary>
internal static class OpenApiPerClient
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddOpenApiPerClient(this IServiceCollection services) =>
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "CimdHost",
                Version = DocumentName,
                Description = "The Client ID Metadata Documents this service publishes right now, one operation per client.",
            });
            options.DocumentFilter<ClientOperationsFilter>();
        });

    public static IEndpointConventionBuilder MapOpenApiPerClient(this WebApplication app)
    {
        app.UseWhen(
            context => context.RequestServices.GetRequiredService<Listeners>().IsManagement(context),
            branch => branch.UseSwaggerUI(options =>
            {
                options.SwaggerEndpoint($"/swagger/{DocumentName}/swagger.json", "CimdHost");
                options.DocumentTitle = "CimdHost clients";
            }));

        return app.MapSwagger();
    }
}

/// <summary>Adds every client of the current snapshot to the OpenAPI document.</summary>
internal sealed class ClientOperationsFilter(ClientCatalog catalog) : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        document.Paths ??= new OpenApiPaths();
        foreach (var client in catalog.Current.Clients)
        {
            if (document.Paths.ContainsKey(client.Path))
            {
                continue;
            }

            var operation = new OpenApiOperation
            {
                Summary = client.ClientId,
                OperationId = "get-" + Path.GetFileNameWithoutExtension(client.SourcePath),
                Parameters = client.Parameters.Select(parameter => (IOpenApiParameter)new OpenApiParameter
                {
                    Name = parameter.Name,
                    In = client.Source == ParameterSource.Path ? ParameterLocation.Path : ParameterLocation.Query,
                    Required = true,
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Pattern = parameter.PatternText is null ? null : $"^(?:{parameter.PatternText})$",
                        MaxLength = parameter.MaxLength,
                    },
                }).ToList(),
                Responses = new OpenApiResponses
                {
                    ["200"] = new OpenApiResponse { Description = "The client's metadata document." },
                },
            };

            document.Paths[client.Path] = new OpenApiPathItem
            {
                Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Get] = operation },
            };
        }
    }
}
