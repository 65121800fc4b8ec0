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
    public const string Served = "served";
    public const string ServedLastGood = "served_last_good";
    public const string Refused = "refused";

    public static DefinitionView From(DefinitionStatus status)
    {
        var client = status.Client;
        var example = client?.ExampleValues;

        return new DefinitionView(
            status.Path,
            status.ClientId,
            StateName(status.State),
            status.LoadedAt,
            client is null ? null : ClientForm.Of(client),
            example is null ? null : client!.CanonicalUrl(example),
            example is null ? null : client!.Target(example),
            status.Findings.Select(FindingView.From).ToArray());
    }

    public static string StateName(DefinitionState state) => state switch
    {
        DefinitionState.Served => Served,
        DefinitionState.ServedLastGood => ServedLastGood,
        _ => Refused,
    };
}
