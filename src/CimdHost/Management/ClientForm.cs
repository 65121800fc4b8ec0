using CimdHost.Catalog;

namespace CimdHost.Management;

/// <summary>How a client takes its values, as the status view and the OpenAPI document name it.</summary>
internal static class ClientForm
{
    public const string Query = "query";
    public const string Path = "path";
    public const string Wildcard = "wildcard";
    public const string Fixed = "fixed";

    public static string Of(CompiledClient client) => client switch
    {
        { IsWildcard: true, Parameters.Count: 0 } => Wildcard,
        { Source: ParameterSource.Path } => Path,
        { Source: ParameterSource.Query } => Query,
        _ => Fixed,
    };

    /// <summary>One sentence on where the values come from, for people reading the OpenAPI document.</summary>
    public static string Explain(CompiledClient client) => Of(client) switch
    {
        Query => client.IncludeQueryInClientId
            ? "The values come from the query: each declared parameter exactly once, in the declared order, and the published client_id includes that query."
            : "The values come from the query: each declared parameter exactly once, in the declared order.",
        Path => "The values come from the path; no query is accepted.",
        Wildcard => $"One document for every SPIFFE ID matching {client.SpiffeId.Source}; no query is accepted.",
        _ => "One fixed document; no query is accepted.",
    };
}
