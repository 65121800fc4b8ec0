using CimdHost.Catalog;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CimdHost.Management;

/// <summary>Adds every client of the current snapshot to the OpenAPI document, one path item per client path.</summary>
internal sealed class ClientOperationsFilter(ClientCatalog catalog, ILogger<ClientOperationsFilter> logger) : IDocumentFilter
{
    public const string TagName = "Clients";

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var snapshot = catalog.Current;
        document.Paths ??= new OpenApiPaths();
        document.Tags ??= new HashSet<OpenApiTag>();
        document.Tags.Add(new OpenApiTag
        {
            Name = TagName,
            Description = "The Client ID Metadata Documents published now. Each operation is a client_id path; "
                + "Try it out fetches the document from this listener.",
        });
        OpenApiProblems.AddSchema(document);

        // Clients of different hosts may share a path; OpenAPI has one path item per path, so they share one operation.
        var groups = snapshot.Clients
            .GroupBy(client => client.Path, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal);
        var operationIds = new HashSet<string>(StringComparer.Ordinal);
        var paths = 0;
        foreach (var group in groups)
        {
            var clients = group.ToArray();
            if (document.Paths.ContainsKey(group.Key))
            {
                logger.OpenApiPathTaken(group.Key, clients[0].ClientId);
                continue;
            }

            if (clients.Length > 1 && logger.IsEnabled(LogLevel.Debug))
            {
                logger.OpenApiPathShared(string.Join(", ", clients.Select(client => client.ClientId)), group.Key);
            }

            var operation = ClientOperation.Create(clients, snapshot, document, UniqueId(clients[0], operationIds));
            document.Paths[group.Key] = new OpenApiPathItem
            {
                Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Get] = operation },
            };
            paths++;
        }

        logger.OpenApiGenerated(snapshot.Clients.Count, paths, snapshot.Generation);
    }

    private static string UniqueId(CompiledClient client, HashSet<string> taken)
    {
        var stem = "get-" + Path.GetFileNameWithoutExtension(client.SourcePath);
        var id = stem;
        for (var i = 2; !taken.Add(id); i++)
        {
            id = $"{stem}-{i}";
        }

        return id;
    }
}
