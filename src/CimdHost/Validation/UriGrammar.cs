namespace CimdHost.Validation;

/// <summary>The URL members inside a document: <c>*_uri</c> members, <c>spiffe_bundle_endpoint</c> and redirect URIs.</summary>
internal static class UriGrammar
{
    /// <summary>
    /// An absolute https URL with no userinfo that an AS may fetch: CIMD issue #18 / PR #50 (https only), CIMD -03
    /// section 8.6 (no special-use hosts), SPIFFE Federation section 5.2.1 (https_web bundle endpoints).
    /// </summary>
    public static GrammarProblem? CheckFetchable(string value)
    {
        if (!value.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return new GrammarProblem(FindingRules.Uri,
                "must be an absolute https URL; ASes refuse other schemes (javascript:, data:, http:)");
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || value.Any(c => c <= ' ' || c >= '\u007f'))
        {
            return new GrammarProblem(FindingRules.Uri, "is not a valid URL");
        }

        var rest = value.AsSpan("https://".Length);
        var authorityLength = rest.IndexOfAny('/', '?', '#');
        if (uri.UserInfo.Length > 0 || rest[..(authorityLength < 0 ? rest.Length : authorityLength)].Contains('@'))
        {
            return new GrammarProblem(FindingRules.Uri, "must not contain userinfo (user:password@)");
        }

        return HostRules.WhyRefused(uri.Host) is { } why
            ? new GrammarProblem(FindingRules.Uri, $"has a host that {why}")
            : null;
    }

    /// <summary>A redirect URI (RFC 7591 section 2, RFC 8252 sections 7.3 and 8.3, CIMD -03 section 4.2).</summary>
    public static GrammarProblem? CheckRedirect(string value)
    {
        if (value.Contains('*', StringComparison.Ordinal))
        {
            return new GrammarProblem(FindingRules.RedirectUri,
                "has a wildcard; redirect URIs are matched exactly (RFC 9700), so list each one");
        }

        if (value.Contains('#', StringComparison.Ordinal))
        {
            return new GrammarProblem(FindingRules.RedirectUri, "must not have a fragment (RFC 6749 section 3.1.2)");
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || value.Any(c => c <= ' ' || c >= '\u007f')
            || value.StartsWith('/'))
        {
            return new GrammarProblem(FindingRules.RedirectUri, "must be an absolute URI (RFC 7591 section 2)");
        }

        if (uri.Scheme is "javascript" or "data" or "file" or "vbscript")
        {
            return new GrammarProblem(FindingRules.RedirectUri, $"uses the {uri.Scheme}: scheme, which ASes refuse");
        }

        if (uri.Host == "localhost" || uri.Host.EndsWith(".localhost", StringComparison.Ordinal))
        {
            return new GrammarProblem(FindingRules.RedirectUri,
                "uses localhost; use the loopback IP 127.0.0.1 or [::1] instead (RFC 8252 section 8.3)");
        }

        if (uri.Scheme == "http" && !uri.IsLoopback)
        {
            return new GrammarProblem(FindingRules.RedirectUri,
                "uses http on a host other than the loopback IP; use https (RFC 8252 section 8.3)");
        }

        return null;
    }
}
