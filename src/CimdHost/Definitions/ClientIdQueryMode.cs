namespace CimdHost.Definitions;

/// <summary>Whether a query-form client's published <c>client_id</c> carries the request's query.</summary>
internal enum ClientIdQueryMode
{
    /// <summary>The default, as CIMD -03 section 4 requires: the document's client_id is the whole fetched URL.</summary>
    Include,

    /// <summary>
    /// The mailing-list proposal: client_id without the query. ASes that follow the current draft reject it.
    /// </summary>
    Exclude,
}
