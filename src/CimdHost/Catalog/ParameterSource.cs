namespace CimdHost.Catalog;

/// <summary>Where a client's parameter values come from in the request.</summary>
internal enum ParameterSource
{
    /// <summary>The client has no parameters: one fixed document, and no query is accepted.</summary>
    None,

    /// <summary>The query, each declared parameter once and in declared order.</summary>
    Query,

    /// <summary>Placeholders in the path of client_id; no query is accepted.</summary>
    Path,
}
