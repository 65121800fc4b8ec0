using System.Text.Json.Nodes;
using CimdHost.Serving;
using Microsoft.OpenApi;

namespace CimdHost.Management;

/// <summary>The RFC 9457 problem schema that every error response of a document refers to, and problem examples.</summary>
internal static class OpenApiProblems
{
    public const string SchemaId = "Problem";
    public const string MediaType = "application/problem+json";

    /// <summary>Adds the shared problem schema to the document's components.</summary>
    public static void AddSchema(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        document.Components.Schemas[SchemaId] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "An RFC 9457 problem: why a request got no document. `code` is stable; `canonical_url` is the URL to use instead, where one exists.",
            Required = new HashSet<string>(StringComparer.Ordinal) { "type", "title", "status", "code" },
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["type"] = Text("A URI that names the problem type (urn:cimdhost:problem:<code>); not meant to be fetched.", "uri-reference"),
                ["title"] = Text("A short summary of the problem type."),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "The HTTP status code." },
                ["detail"] = Text("What went wrong with this request, naming only declared parameters and URLs from definitions."),
                ["instance"] = Text("A URI reference for this occurrence.", "uri-reference"),
                ["code"] = Text("The stable, machine-readable reason, such as unknown-client or pattern-mismatch."),
                ["canonical_url"] = Text("The canonical client_id URL (or its form) to fetch instead.", "uri"),
                ["traceId"] = Text("The trace id of the request, for the service's logs."),
            },
        };
    }

    /// <summary>A response whose body is a problem, with an example when one is given.</summary>
    public static OpenApiResponse Response(OpenApiDocument document, string description, DocumentProblem? example) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
        {
            [MediaType] = new OpenApiMediaType
            {
                Schema = new OpenApiSchemaReference(SchemaId, document),
                Example = example is null ? null : ToJson(example),
            },
        },
    };

    /// <summary>The JSON a problem is written as, in the order the problem details writer uses.</summary>
    public static JsonObject ToJson(DocumentProblem problem)
    {
        var json = new JsonObject
        {
            ["type"] = problem.Type,
            ["title"] = problem.Title,
            ["status"] = problem.Status,
            ["detail"] = problem.Detail,
            ["code"] = problem.Code,
        };
        if (problem.CanonicalUrl is not null)
        {
            json["canonical_url"] = problem.CanonicalUrl;
        }

        return json;
    }

    private static OpenApiSchema Text(string description, string? format = null) =>
        new() { Type = JsonSchemaType.String, Description = description, Format = format };
}
