using CimdHost.Definitions;
using CimdHost.Validation;

namespace CimdHost.Catalog;

/// <summary>An immutable, ready-to-serve client: its route, its parameters and its pre-rendered document.</summary>
internal sealed class CompiledClient
{
    public required string SourcePath { get; init; }

    /// <summary>Where client_id is written, for findings that concern the client as a whole.</summary>
    public required SourceMark ClientIdMark { get; init; }

    /// <summary>client_id exactly as the definition writes it (placeholders included, never a query).</summary>
    public required string ClientId { get; init; }

    /// <summary>The host and port the client_id names; chooses between clients that share a path.</summary>
    public required string Authority { get; init; }

    /// <summary>The path of client_id, placeholders included.</summary>
    public required string Path { get; init; }

    public required IReadOnlyList<RouteSegment> Segments { get; init; }

    public required IReadOnlyList<ClientParameter> Parameters { get; init; }

    public required ParameterSource Source { get; init; }

    /// <summary>Whether the published client_id carries the query (<c>hosting.client_id_query</c>).</summary>
    public required bool IncludeQueryInClientId { get; init; }

    /// <summary>spiffe_id as written, placeholders included.</summary>
    public required TemplateText SpiffeId { get; init; }

    public required DocumentTemplate Document { get; init; }

    /// <summary>The largest document the accepted values can produce, in bytes.</summary>
    public required int MaxDocumentLength { get; init; }

    public required int MaxAge { get; init; }

    public required DateTimeOffset LastModified { get; init; }

    /// <summary>When this version of the definition was read and compiled.</summary>
    public required DateTimeOffset LoadedAt { get; init; }

    /// <summary>Changes whenever anything that a response carries changes; part of the output-cache key.</summary>
    public required string Revision { get; init; }

    public required IReadOnlyList<Finding> Warnings { get; init; }

    public bool IsTemplate => Source == ParameterSource.Path;

    public bool IsWildcard => SpiffeId.Source.EndsWith(SpiffeIdGrammar.WildcardSuffix, StringComparison.Ordinal);

    /// <summary>The output-cache tag that evicts every stored document of this client.</summary>
    public string CacheTag => "client:" + SourcePath;

    /// <summary>The path of the request that the given values make, placeholders filled.</summary>
    public string FillPath(IReadOnlyList<string> values) => string.Concat(Segments.Select(segment =>
        "/" + (segment.IsLiteral ? segment.Prefix : segment.Prefix + values[segment.Parameter] + segment.Suffix)));

    /// <summary>The canonical request target for the given values (path, then the declared query in order).</summary>
    public string Target(IReadOnlyList<string> values) => Source == ParameterSource.Query
        ? Path + "?" + string.Join('&', Parameters.Select((parameter, i) => $"{parameter.Name}={values[i]}"))
        : FillPath(values);

    /// <summary>The canonical URL for the given values; with placeholders such as {instance_id} it reads as a form.</summary>
    public string CanonicalUrl(IReadOnlyList<string> values) => "https://" + Authority + Target(values);

    public string CanonicalForm => CanonicalUrl(Parameters.Select(parameter => "{" + parameter.Name + "}").ToArray());

    /// <summary>Example values for each parameter, or <c>null</c> when a parameter has none.</summary>
    public IReadOnlyList<string>? ExampleValues => Parameters.All(parameter => parameter.Example is not null)
        ? Parameters.Select(parameter => parameter.Example!).ToArray()
        : null;
}
