using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CimdHost.Catalog;
using CimdHost.Serving;
using Microsoft.OpenApi;

namespace CimdHost.Management;

/// <summary>
/// The GET operation of one client path: its parameters with their rules and examples, the rendered example document,
/// and the problem responses. Clients of several hosts that share the path are described together.
/// </summary>
internal static class ClientOperation
{
    private const string DocumentMediaType = "application/json";

    public static OpenApiOperation Create(
        IReadOnlyList<CompiledClient> clients,
        CatalogSnapshot snapshot,
        OpenApiDocument document,
        string operationId)
    {
        var first = clients[0];

        return new OpenApiOperation
        {
            OperationId = operationId,
            Tags = new HashSet<OpenApiTagReference> { new(ClientOperationsFilter.TagName, document) },
            Summary = clients.Count == 1 ? $"{ClientForm.Of(first)} form: {first.CanonicalForm}" : SharedSummary(clients),
            Description = clients.Count == 1 ? Describe(first) : DescribeShared(clients),
            Parameters = Parameters(clients),
            Responses = new OpenApiResponses
            {
                ["200"] = Document(clients),
                ["304"] = new OpenApiResponse
                {
                    Description = "Not modified: If-None-Match matches the ETag (or, without it, If-Modified-Since is not older "
                        + "than Last-Modified). No body; the cached document stays good (RFC 9110 section 15.4.5).",
                    Headers = ValidatorHeaders(),
                },
                ["400"] = OpenApiProblems.Response(document,
                    "The URL is not the canonical spelling of this client_id, or a value breaks its parameter's rules. "
                    + "canonical_url gives the URL to use instead, where there is one.",
                    BadRequestExample(first, snapshot)),
                ["404"] = OpenApiProblems.Response(document,
                    "No client_id has exactly this path (and, where hosts share it, this Host).",
                    DocumentProblem.NotFound()),
                ["503"] = NotReady(document),
            },
        };
    }

    private static OpenApiResponse NotReady(OpenApiDocument document)
    {
        var response = OpenApiProblems.Response(document,
            "The first load of the definitions has not finished; retry after Retry-After seconds.",
            DocumentProblem.NotReady());
        response.Headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal)
        {
            ["Retry-After"] = Header("Seconds to wait before retrying."),
        };

        return response;
    }

    // Limitation: "Try it out" cannot reach clients that share a path across hosts: a browser cannot set Host.
    private static string SharedSummary(IReadOnlyList<CompiledClient> clients) => string.Create(CultureInfo.InvariantCulture,
        $"{clients.Count} clients share {clients[0].Path}; the Host header chooses: {string.Join(", ", clients.Select(client => client.Authority))}");

    private static string Describe(CompiledClient client)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"client_id `{client.ClientId}`, defined in `{Path.GetFileName(client.SourcePath)}`.\n\n");
        text.Append(CultureInfo.InvariantCulture, $"**Form:** {ClientForm.Of(client)}. {ClientForm.Explain(client)}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"**Canonical URL form:** `{client.CanonicalForm}`\n\n");
        if (client.ExampleValues is { } example)
        {
            text.Append(CultureInfo.InvariantCulture, $"**Example:** `{client.CanonicalUrl(example)}`\n\n");
        }

        text.Append(CultureInfo.InvariantCulture,
            $"Served with `Cache-Control: public, max-age={client.MaxAge}`, a strong `ETag` and `Last-Modified`; errors are `no-store`.");

        return text.ToString();
    }

    private static string DescribeShared(IReadOnlyList<CompiledClient> clients)
    {
        var text = new StringBuilder();
        text.Append("These clients share the path and differ by host: a request gets the client whose host equals its Host header. ")
            .Append("Try it out sends this listener's own Host, which names none of them, so it gets 404 here; ")
            .Append(CultureInfo.InvariantCulture,
                $"fetch with the client's host instead, for example `curl -H 'Host: {clients[0].Authority}' <this listener>{Target(clients[0])}`.\n\n");
        foreach (var client in clients)
        {
            text.Append(CultureInfo.InvariantCulture, $"### {client.Authority}\n\n").Append(Describe(client)).Append("\n\n");
        }

        return text.ToString().TrimEnd();
    }

    private static string Target(CompiledClient client) => client.Target(client.ExampleValues ?? client.Parameters.Select(parameter => "{" + parameter.Name + "}").ToArray());

    private static List<IOpenApiParameter> Parameters(IReadOnlyList<CompiledClient> clients)
    {
        var location = clients[0].IsTemplate ? ParameterLocation.Path : ParameterLocation.Query;
        var parameters = new List<IOpenApiParameter>();
        var byName = clients
            .SelectMany(client => client.Parameters.Select(parameter => (Client: client, Parameter: parameter)))
            .GroupBy(declared => declared.Parameter.Name, StringComparer.Ordinal);
        foreach (var declarations in byName)
        {
            var declared = declarations.ToArray();
            var patterns = declared.Select(entry => entry.Parameter.PatternText).Distinct(StringComparer.Ordinal).ToArray();
            var example = declared.Select(entry => entry.Parameter.Example).FirstOrDefault(value => value is not null);
            parameters.Add(new OpenApiParameter
            {
                Name = declarations.Key,
                In = location,

                // A path parameter is always required; a query parameter is when every client of the path declares it.
                Required = location == ParameterLocation.Path || declared.Length == clients.Count,
                Description = clients.Count == 1
                    ? Rules(declared[0].Parameter)
                    : string.Join("\n\n", declared.Select(entry => $"For {entry.Client.Authority}: {Rules(entry.Parameter)}")),
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,

                    // Note: the service matches a pattern against the whole value; JSON Schema patterns are unanchored.
                    // Limitation: a .NET regular expression, anchored but otherwise as written; a .NET-only construct
                    // may confuse Swagger UI's own input check.
                    Pattern = patterns is [{ } pattern] ? $"^(?:{pattern})$" : null,
                    MinLength = 1,
                    MaxLength = declared.Max(entry => entry.Parameter.MaxLength),
                },
                Example = example is null ? null : JsonValue.Create(example),
            });
        }

        parameters.Add(new OpenApiParameter
        {
            Name = "If-None-Match",
            In = ParameterLocation.Header,
            Required = false,
            Description = "An ETag from an earlier response; when it still matches, the answer is 304 with no body.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });

        return parameters;
    }

    private static string Rules(ClientParameter parameter)
    {
        var rules = string.Create(CultureInfo.InvariantCulture,
            $"Letters, digits, dots, dashes and underscores, at most {parameter.MaxLength} characters");

        return parameter.PatternText is null ? rules + "." : $"{rules}, matching `{parameter.PatternText}` as a whole.";
    }

    private static OpenApiResponse Document(IReadOnlyList<CompiledClient> clients)
    {
        var media = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "A Client ID Metadata Document: client_id and spiffe_id filled in with the request's values.",
            },
        };
        var examples = clients.Where(client => client.ExampleValues is not null).ToArray();
        if (clients.Count == 1 && examples.Length == 1)
        {
            media.Example = Render(examples[0]);
        }
        else if (examples.Length > 0)
        {
            media.Examples = examples.ToDictionary(
                client => client.Authority,
                client => (IOpenApiExample)new OpenApiExample
                {
                    Summary = client.CanonicalUrl(client.ExampleValues!),
                    Value = Render(client),
                },
                StringComparer.Ordinal);
        }

        var headers = ValidatorHeaders();
        headers["Cache-Control"] = Header("public, max-age=<seconds>: ASes may cache the document (CIMD -03 section 5.2).");

        return new OpenApiResponse
        {
            Description = "The client's metadata document.",
            Headers = headers,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { [DocumentMediaType] = media },
        };
    }

    private static JsonNode? Render(CompiledClient client) => JsonNode.Parse(client.Document.Render(client.ExampleValues!));

    private static Dictionary<string, IOpenApiHeader> ValidatorHeaders() => new(StringComparer.Ordinal)
    {
        ["ETag"] = Header("A strong validator computed from the document's bytes."),
        ["Last-Modified"] = Header("When the definition last changed."),
    };

    private static OpenApiHeader Header(string description) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };

    /// <summary>A real 400 of this client, produced by the resolver itself so the example never drifts from the service.</summary>
    private static DocumentProblem? BadRequestExample(CompiledClient client, CatalogSnapshot snapshot)
    {
        var target = client.Source switch
        {
            ParameterSource.Query => client.Path,
            ParameterSource.Path => client.FillPath(client.Parameters.Select((_, i) => i == 0 ? ".." : "x").ToArray()),
            _ => client.Path + "?query",
        };
        var problem = DocumentResolver.Resolve(snapshot, RequestTarget.Parse(target), client.Authority).Problem;

        return problem?.Status == StatusCodes.Status400BadRequest ? problem : null;
    }
}
