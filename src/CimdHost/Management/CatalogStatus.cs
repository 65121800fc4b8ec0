using System.Text.Json.Serialization;
using CimdHost.Catalog;
using CimdHost.Validation;

namespace CimdHost.Management;

/// <summary>The status view of <c>/clients</c>.</summary>
internal sealed record CatalogStatus(
    [property: JsonPropertyName("generation")] long Generation,
    [property: JsonPropertyName("loaded_at")] DateTimeOffset LoadedAt,
    [property: JsonPropertyName("served")] int Served,
    [property: JsonPropertyName("refused")] int Refused,
    [property: JsonPropertyName("definitions")] IReadOnlyList<DefinitionView> Definitions)
{
    public static CatalogStatus From(ClientCatalog catalog)
    {
        var snapshot = catalog.Current;

        return new CatalogStatus(
            snapshot.Generation,
            snapshot.LoadedAt,
            snapshot.Clients.Count,
            snapshot.Definitions.Count(status => status.State == DefinitionState.Refused),
            snapshot.Definitions.Select(DefinitionView.From).ToArray());
    }
}

/// <summary>One definition file in the status view.</summary>
internal sealed record DefinitionView(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("client_id")] string? ClientId,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("loaded_at")] DateTimeOffset LoadedAt,
    [property: JsonPropertyName("form")] string? Form,
    [property: JsonPropertyName("example_url")] string? ExampleUrl,
    [property: JsonPropertyName("example_path")] string? ExamplePath,
    [property: JsonPropertyName("findings")] IReadOnlyList<FindingView> Findings)
{
    public static DefinitionView From(DefinitionStatus status)
    {
        var client = status.Client;
        var example = client?.ExampleValues;

        return new DefinitionView(
            status.Path,
            status.ClientId,
            status.State switch
            {
                DefinitionState.Served => "served",
                DefinitionState.ServedLastGood => "served_last_good",
                _ => "refused",
            },
            status.LoadedAt,
            client is null ? null : FormOf(client),
            example is null ? null : client!.CanonicalUrl(example),
            example is null ? null : client!.Target(example),
            status.Findings.Select(FindingView.From).ToArray());
    }

    private static string FormOf(CompiledClient client) => client switch
    {
        { IsWildcard: true, Parameters.Count: 0 } => "wildcard",
        { Source: ParameterSource.Path } => "path",
        { Source: ParameterSource.Query } => "query",
        _ => "fixed",
    };
}

/// <summary>One finding in the status view, with the same <c>path:line:column</c> text that <c>validate</c> prints.</summary>
internal sealed record FindingView(
    [property: JsonPropertyName("location")] string Location,
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("column")] int Column,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonIgnore] string Text)
{
    public static FindingView From(Finding finding) => new(
        $"{finding.Path}:{finding.Mark}",
        finding.Mark.Line,
        finding.Mark.Column,
        finding.SeverityName,
        finding.Rule,
        finding.Message,
        finding.ToString());
}
