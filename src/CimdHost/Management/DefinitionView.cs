using System.Text.Json.Serialization;
using CimdHost.Catalog;

namespace CimdHost.Management;

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
            DefinitionStateNames.Of(status.State),
            status.LoadedAt,
            client is null ? null : ClientForm.Of(client),
            example is null ? null : client!.CanonicalUrl(example),
            example is null ? null : client!.Target(example),
            status.Findings.Select(FindingView.From).ToArray());
    }
}
