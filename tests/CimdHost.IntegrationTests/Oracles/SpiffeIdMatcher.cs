namespace CimdHost.IntegrationTests.Oracles;

/// <summary>
/// How an AS compares the SPIFFE ID an SVID presents with the client's <c>spiffe_id</c> (SPIFFE client auth section
/// 5.1), written for the tests: exact equality, or for a value ending in <c>/*</c> a prefix match by whole segments.
/// </summary>
internal static class SpiffeIdMatcher
{
    public static bool Matches(string presented, string spiffeId)
    {
        if (!SpiffeIdSyntax.IsWorkloadId(presented) || !SpiffeIdSyntax.IsMetadataValue(spiffeId))
        {
            return false;
        }

        if (!spiffeId.EndsWith("/*", StringComparison.Ordinal))
        {
            return string.Equals(presented, spiffeId, StringComparison.Ordinal);
        }

        // The prefix keeps its final slash, so .../client/* covers .../client/7 but never .../client7 or .../client.
        // A valid presented ID has no empty segment, so whatever follows the prefix is one or more whole segments.
        var prefix = spiffeId[..^1];

        return presented.Length > prefix.Length && presented.StartsWith(prefix, StringComparison.Ordinal);
    }
}
