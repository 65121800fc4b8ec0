namespace CimdHost.Validation;

/// <summary>
/// The SPIFFE ID syntax of SPIFFE-ID.md section 2, checked exactly as the reference libraries do (go-spiffe,
/// java-spiffe): a lower-case trust domain and path segments of letters, digits, dot, dash and underscore.
/// </summary>
internal static class SpiffeIdGrammar
{
    public const string Scheme = "spiffe://";

    /// <summary>SPIFFE-ID.md section 2.3: implementations must accept IDs up to this many bytes and need not take more.</summary>
    public const int MaxLength = 2048;

    /// <summary>SPIFFE-ID.md section 2.1: a trust domain is a URI host, at most 255 bytes.</summary>
    public const int MaxTrustDomainLength = 255;

    /// <summary>The suffix that makes a <c>spiffe_id</c> match every ID below a prefix (SPIFFE client auth section 5.1).</summary>
    public const string WildcardSuffix = "/*";

    /// <summary>SPIFFE-ID.md section 2.2: the characters of a path segment.</summary>
    public static bool IsSegmentChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_';

    /// <summary>SPIFFE-ID.md section 2.1: the characters of a trust domain.</summary>
    public static bool IsTrustDomainChar(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_';

    /// <summary>The index where the path starts (the slash after the trust domain), or the length when there is none.</summary>
    public static int PathStart(string id)
    {
        if (!id.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return -1;
        }

        var slash = id.IndexOf('/', Scheme.Length);

        return slash < 0 ? id.Length : slash;
    }

    /// <summary>Checks a workload's SPIFFE ID, or with <paramref name="allowWildcard"/> a <c>spiffe_id</c> ending in <c>/*</c>.</summary>
    public static GrammarProblem? Check(string id, bool allowWildcard)
    {
        if (!id.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return id.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
                ? Problem("the scheme must be written in lower case: spiffe://", 0)
                : Problem("a SPIFFE ID starts with spiffe:// (SPIFFE-ID.md section 2)", 0);
        }

        if (id.Length > MaxLength)
        {
            return Problem($"a SPIFFE ID is at most {MaxLength} bytes (SPIFFE-ID.md section 2.3)", MaxLength);
        }

        var pathStart = PathStart(id);
        if (CheckTrustDomain(id, pathStart) is { } trustDomainProblem)
        {
            return trustDomainProblem;
        }

        var end = id.Length;
        if (allowWildcard && id.EndsWith(WildcardSuffix, StringComparison.Ordinal))
        {
            end -= WildcardSuffix.Length;
            if (end < pathStart)
            {
                return Problem("the wildcard must follow the trust domain: spiffe://example.org/*", pathStart);
            }
        }
        else if (pathStart == id.Length)
        {
            return Problem("a workload's SPIFFE ID has a path after the trust domain (X509-SVID.md section 3.1)", id.Length);
        }

        return CheckPath(id, pathStart, end);
    }

    private static GrammarProblem? CheckTrustDomain(string id, int pathStart)
    {
        var start = Scheme.Length;
        if (pathStart == start)
        {
            return Problem("the trust domain is empty", start);
        }

        if (pathStart - start > MaxTrustDomainLength)
        {
            return Problem($"the trust domain is longer than {MaxTrustDomainLength} bytes", start);
        }

        for (var i = start; i < pathStart; i++)
        {
            var c = id[i];
            if (IsTrustDomainChar(c))
            {
                continue;
            }

            return c switch
            {
                _ when char.IsAsciiLetterUpper(c) =>
                    Problem("the trust domain must be lower case (SPIFFE-ID.md section 2.1)", i),
                ':' => Problem("a trust domain has no port (SPIFFE-ID.md section 2.1)", i),
                '@' => Problem("a trust domain has no userinfo (SPIFFE-ID.md section 2.1)", i),
                '%' => Problem("a trust domain is never percent-encoded (SPIFFE-ID.md section 2.1)", i),
                '?' or '#' => Problem("a SPIFFE ID has no query or fragment (SPIFFE-ID.md section 2)", i),
                '*' => Problem("a wildcard may only be the whole last path segment, as in spiffe://example.org/client/*", i),
                _ => Problem("a trust domain holds only lower-case letters, digits, dots, dashes and underscores", i),
            };
        }

        return null;
    }

    private static GrammarProblem? CheckPath(string id, int pathStart, int end)
    {
        var segmentStart = pathStart + 1;
        for (var i = pathStart + 1; i <= end; i++)
        {
            if (i < end && id[i] != '/')
            {
                var c = id[i];
                if (!IsSegmentChar(c))
                {
                    return c switch
                    {
                        '%' => Problem("a SPIFFE ID path is never percent-encoded (SPIFFE-ID.md section 2.2)", i),
                        '?' or '#' => Problem("a SPIFFE ID has no query or fragment (SPIFFE-ID.md section 2)", i),
                        '*' => Problem("a wildcard may only be the whole last path segment, as in spiffe://example.org/client/*", i),
                        _ => Problem("path segments hold only letters, digits, dots, dashes and underscores (SPIFFE-ID.md section 2.2)", i),
                    };
                }

                continue;
            }

            var segment = id.AsSpan(segmentStart, i - segmentStart);
            if (segment.IsEmpty)
            {
                return i == id.Length
                    ? Problem("a SPIFFE ID does not end in a slash (SPIFFE-ID.md section 2.2)", i - 1)
                    : Problem("a SPIFFE ID has no empty path segments (SPIFFE-ID.md section 2.2)", i);
            }

            if (segment is "." or "..")
            {
                return Problem("a SPIFFE ID has no . or .. path segments (SPIFFE-ID.md section 2.2)", segmentStart);
            }

            segmentStart = i + 1;
        }

        return null;
    }

    private static GrammarProblem Problem(string message, int index) => new(FindingRules.SpiffeId, message, index);
}
