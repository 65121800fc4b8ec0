using System.Buffers;

namespace CimdHost.Validation;

/// <summary>
/// The Client Identifier URL rules of CIMD -03 section 3, checked on the raw string: URL parsers quietly drop dot
/// segments and default ports (SPEC pitfall 1), and the AS compares the string byte for byte, so only the one
/// RFC 3986 section 6.2.2 normalized spelling is accepted. Placeholders (<c>{name}</c>) may stand in the path only.
/// </summary>
internal static class ClientIdGrammar
{
    private const string Https = "https://";

    private static readonly SearchValues<char> HostChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789.-[]:");

    public static ClientIdUrl? Check(string value, List<GrammarProblem> problems)
    {
        if (!value.StartsWith(Https, StringComparison.Ordinal))
        {
            problems.Add(new GrammarProblem(FindingRules.ClientIdScheme, value.StartsWith(Https, StringComparison.OrdinalIgnoreCase)
                ? "the scheme must be written in lower case: https:// (RFC 3986 section 6.2.2.1)"
                : value.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                    ? "client_id must use https, not http (CIMD -03 section 3)"
                    : "client_id must be an absolute https URL (CIMD -03 section 3)"));
            return null;
        }

        var authorityEnd = value.IndexOfAny(['/', '?', '#'], Https.Length);
        if (authorityEnd < 0)
        {
            authorityEnd = value.Length;
        }

        var authority = value[Https.Length..authorityEnd];
        var host = CheckAuthority(authority, problems);

        var pathEnd = value.IndexOfAny(['?', '#'], authorityEnd);
        if (pathEnd < 0)
        {
            pathEnd = value.Length;
        }

        var path = value[authorityEnd..pathEnd];
        CheckPath(path, authorityEnd, problems);

        var query = value.IndexOf('?', authorityEnd);
        var fragment = value.IndexOf('#', authorityEnd);
        if (query >= 0 && (fragment < 0 || query < fragment))
        {
            problems.Add(new GrammarProblem(FindingRules.ClientIdQuery,
                "client_id has a query; write the URL without it and declare per-instance values in hosting.parameters, "
                + "which add the query to each published client_id (CIMD -03 section 3: SHOULD NOT)", query));
        }

        if (fragment >= 0)
        {
            problems.Add(new GrammarProblem(FindingRules.ClientIdFragment,
                "client_id must not have a fragment (CIMD -03 section 3)", fragment));
        }

        return host is null ? null : new ClientIdUrl(value[..authorityEnd], authority, host, path);
    }

    private static string? CheckAuthority(string authority, List<GrammarProblem> problems)
    {
        var offset = Https.Length;
        if (authority.Contains('@', StringComparison.Ordinal))
        {
            problems.Add(new GrammarProblem(FindingRules.ClientIdUserinfo,
                "client_id must not contain userinfo (user:password@) (CIMD -03 section 3)", offset));
            return null;
        }

        if (authority.Contains('{', StringComparison.Ordinal))
        {
            problems.Add(new GrammarProblem(FindingRules.ClientIdPlaceholder,
                "placeholders may stand in the path of client_id only, never in its host", offset));
            return null;
        }

        var host = authority;
        var colon = authority.LastIndexOf(':');
        if (colon >= 0 && !authority.EndsWith(']'))
        {
            host = authority[..colon];
            CheckPort(authority[(colon + 1)..], offset + colon, problems);
        }

        return CheckHost(host, offset, problems) ? host : null;
    }

    private static void CheckPort(string port, int index, List<GrammarProblem> problems)
    {
        if (port.Length == 0 || !port.All(char.IsAsciiDigit) || port.Length > 5 || int.Parse(port) is 0 or > 65535)
        {
            problems.Add(new GrammarProblem(FindingRules.ClientIdPort, "the port is not a number from 1 to 65535", index));
        }
        else if (port == "443")
        {
            problems.Add(new GrammarProblem(FindingRules.ClientIdPort,
                "remove :443: the default port written out makes a different client_id string, and the AS compares "
                + "strings without normalizing (CIMD -03 section 3)", index));
        }
        else if (port[0] == '0')
        {
            problems.Add(new GrammarProblem(FindingRules.ClientIdPort, "the port has a leading zero", index));
        }
        else
        {
            problems.Add(new GrammarProblem(FindingRules.ClientIdPort,
                "client_id has a port; ATProto ASes refuse any port in a client_id", index, IsWarning: true));
        }
    }

    private static bool CheckHost(string host, int index, List<GrammarProblem> problems)
    {
        if (host.Length == 0)
        {
            problems.Add(new GrammarProblem(FindingRules.ClientIdHost, "client_id has no host", index));
            return false;
        }

        if (host.Any(char.IsAsciiLetterUpper))
        {
            problems.Add(new GrammarProblem(FindingRules.ClientIdHost,
                $"write the host in lower case ({host.ToLowerInvariant()}): the AS compares client_id strings without "
                + "normalizing (RFC 3986 section 6.2.2.1, CIMD -03 section 3)", index));
            return false;
        }

        if (host.EndsWith('.'))
        {
            problems.Add(new GrammarProblem(FindingRules.ClientIdHost,
                "remove the trailing dot from the host: it makes a different client_id string", index + host.Length - 1));
            return false;
        }

        var bad = host.AsSpan().IndexOfAnyExcept(HostChars);
        if (bad >= 0)
        {
            problems.Add(new GrammarProblem(FindingRules.ClientIdHost,
                "the host may hold only lower-case letters, digits, dots and dashes (write international names in punycode)",
                index + bad));
            return false;
        }

        foreach (var label in host.Split('.'))
        {
            if (label.Length is 0 or > 63 || label.StartsWith('-') || label.EndsWith('-'))
            {
                problems.Add(new GrammarProblem(FindingRules.ClientIdHost,
                    "each dot-separated label of the host has 1 to 63 characters and neither starts nor ends with a dash",
                    index));
                return false;
            }
        }

        if (HostRules.WhyRefused(host) is { } why)
        {
            problems.Add(new GrammarProblem(FindingRules.ClientIdHost, $"the host {why}", index));
            return false;
        }

        return true;
    }

    private static void CheckPath(string path, int offset, List<GrammarProblem> problems)
    {
        // CIMD -03 section 3: the URL MUST contain a path component; a path of "/" alone is NOT RECOMMENDED and
        // refused by most ASes (MCP SDKs, ATProto), as is one that ends in a slash (ATProto).
        if (path.Length == 0 || path == "/")
        {
            problems.Add(new GrammarProblem(FindingRules.ClientIdPath,
                "client_id needs a path below the root, such as https://example.com/client.json (CIMD -03 section 3)",
                offset));
            return;
        }

        if (path.EndsWith('/'))
        {
            problems.Add(new GrammarProblem(FindingRules.ClientIdTrailingSlash,
                "the path of client_id must not end in a slash (ASes refuse it, and it reads as a folder)",
                offset + path.Length - 1));
            return;
        }

        var start = 1;
        foreach (var segment in path[1..].Split('/'))
        {
            CheckSegment(segment, offset + start, problems);
            start += segment.Length + 1;
        }
    }

    private static void CheckSegment(string segment, int index, List<GrammarProblem> problems)
    {
        if (segment.Length == 0)
        {
            problems.Add(new GrammarProblem(FindingRules.ClientIdEmptySegment,
                "the path of client_id has an empty segment (//)", index));
            return;
        }

        var template = TemplateText.Parse(segment, out var braceProblem);
        if (braceProblem is not null)
        {
            problems.Add(braceProblem with { Rule = FindingRules.ClientIdPlaceholder, Index = index + braceProblem.Index });
            return;
        }

        if (template.Placeholders.Count() > 1)
        {
            problems.Add(new GrammarProblem(FindingRules.ClientIdPlaceholder,
                "a path segment of client_id may hold one placeholder; separate them with slashes", index));
            return;
        }

        var decoded = UrlPathRules.PercentDecode(segment);
        if (decoded is "." or "..")
        {
            problems.Add(new GrammarProblem(FindingRules.ClientIdDotSegment, decoded == segment
                ? "the path of client_id has a . or .. segment (CIMD -03 section 3: MUST NOT)"
                : "the path of client_id has a percent-encoded . or .. segment (CIMD -03 section 3: MUST NOT)", index));
            return;
        }

        foreach (var part in template.Parts.Where(part => !part.IsPlaceholder))
        {
            CheckLiteral(part.Text, index + part.Index, problems);
        }
    }

    private static void CheckLiteral(string text, int index, List<GrammarProblem> problems)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                var escape = i + 2 < text.Length ? text.Substring(i + 1, 2) : "";
                var decoded = escape.Length == 2 && escape.All(char.IsAsciiHexDigit) ? (char)Convert.ToByte(escape, 16) : '\0';
                if (decoded == '\0')
                {
                    problems.Add(new GrammarProblem(FindingRules.ClientIdEncoding,
                        "a % that does not start a two-digit hex escape", index + i));
                }
                else if (UrlPathRules.IsUnreserved(decoded))
                {
                    problems.Add(new GrammarProblem(FindingRules.ClientIdEncoding,
                        $"write {decoded} instead of %{escape}: unreserved characters are never percent-encoded in the "
                        + "normalized URL (RFC 3986 section 6.2.2.2)", index + i));
                }
                else if (escape.Any(char.IsAsciiLetterLower))
                {
                    problems.Add(new GrammarProblem(FindingRules.ClientIdEncoding,
                        $"write %{escape.ToUpperInvariant()}: percent-encodings use upper-case hex in the normalized URL "
                        + "(RFC 3986 section 6.2.2.1)", index + i));
                }

                i += 2;
                continue;
            }

            if (!UrlPathRules.IsPathChar(c))
            {
                problems.Add(new GrammarProblem(FindingRules.ClientIdEncoding,
                    "the path of client_id has a character that must be percent-encoded; prefer letters, digits, "
                    + "dots, dashes and underscores", index + i));
                return;
            }
        }
    }
}
