using System.Text;

namespace CimdHost.IntegrationTests.Oracles;

/// <summary>
/// SPIFFE-ID.md section 2, written again from the standard for the tests and never taken from the service: what an
/// AS or a SPIFFE library accepts as a workload's SPIFFE ID, and as a <c>spiffe_id</c> that ends in the wildcard
/// <c>/*</c> of the SPIFFE client-auth draft (section 5.1).
/// </summary>
internal static class SpiffeIdSyntax
{
    private const string Scheme = "spiffe://";
    private const string Wildcard = "/*";

    /// <summary>SPIFFE-ID.md section 2.3: IDs up to this many bytes must be accepted; none longer is generated.</summary>
    private const int MaxBytes = 2048;

    /// <summary>SPIFFE-ID.md section 2.1: a trust domain is a URI host, at most 255 bytes.</summary>
    private const int MaxTrustDomainBytes = 255;

    /// <summary>A workload's SPIFFE ID: a lower-case trust domain and at least one path segment.</summary>
    public static bool IsWorkloadId(string id) => Check(id, allowWildcard: false);

    /// <summary>A <c>spiffe_id</c> metadata value: a workload's ID, or a trust domain and segments followed by <c>/*</c>.</summary>
    public static bool IsMetadataValue(string value) => Check(value, allowWildcard: true);

    private static bool Check(string id, bool allowWildcard)
    {
        // Section 2: the scheme is spiffe, written in lower case by every reference library; only ASCII is allowed.
        if (!id.StartsWith(Scheme, StringComparison.Ordinal) || !Ascii.IsValid(id) || id.Length > MaxBytes)
        {
            return false;
        }

        var rest = id[Scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var trustDomain = slash < 0 ? rest : rest[..slash];

        // Section 2.1: no userinfo, no port, no percent-encoding, lower case only.
        if (trustDomain.Length is 0 or > MaxTrustDomainBytes || !trustDomain.All(IsTrustDomainChar))
        {
            return false;
        }

        // A workload has a path (X509-SVID.md section 3.1; a JWT-SVID's sub names a workload too).
        if (slash < 0)
        {
            return false;
        }

        var path = rest[slash..];
        if (allowWildcard && path.EndsWith(Wildcard, StringComparison.Ordinal))
        {
            path = path[..^Wildcard.Length];
            if (path.Length == 0)
            {
                return true;
            }
        }

        // Section 2.2: no empty segments (so no // and no trailing /), no . or .., and a small character set.
        return path[1..].Split('/').All(segment => segment.Length > 0
            && segment is not "." and not ".."
            && segment.All(IsSegmentChar));
    }

    private static bool IsTrustDomainChar(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-' or '_';

    private static bool IsSegmentChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '-' or '_';
}
