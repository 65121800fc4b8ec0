using CimdHost.Catalog;
using CimdHost.Validation;

namespace CimdHost.Serving;

/// <summary>
/// Resolves a raw request target to one client and its values, accepting only the canonical spelling of a URL:
/// each declared parameter exactly once, in declared order, no others, no needless percent-encoding, and a path
/// exactly as in client_id. A value is used only when the SPIFFE ID it fills keeps its structure.
/// </summary>
internal static class DocumentResolver
{
    public static DocumentRequest Resolve(CatalogSnapshot snapshot, RequestTarget target, string host)
    {
        var matches = new List<RouteMatch>(1);
        snapshot.Routes.Match(target.Path, matches);
        if (matches.Count == 0)
        {
            return DocumentRequest.Fail(DocumentProblem.NotFound());
        }

        var match = matches.Count == 1 ? matches[0] : ChooseByHost(matches, host);
        if (match is not { } chosen)
        {
            return DocumentRequest.Fail(DocumentProblem.NotFound());
        }

        var client = chosen.Client;

        return client.Source switch
        {
            ParameterSource.Query => ResolveQuery(client, target.Query),
            _ when target.Query is not null => DocumentRequest.Fail(NoQuery(client, chosen.RawValues), client),
            ParameterSource.Path => ResolveValues(client, chosen.RawValues),
            _ => DocumentRequest.Serve(client, []),
        };
    }

    private static RouteMatch? ChooseByHost(List<RouteMatch> matches, string host)
    {
        // Clients of several origins may share a path; the Host header picks one, and no Host picks none.
        // RFC 9110 section 4.2.3: example.com, EXAMPLE.COM, example.com. and example.com:443 name one https origin.
        var requested = NormalizeAuthority(host);
        foreach (var match in matches)
        {
            if (string.Equals(NormalizeAuthority(match.Client.Authority), requested, StringComparison.Ordinal))
            {
                return match;
            }
        }

        return null;
    }

    private static string NormalizeAuthority(string authority)
    {
        var normalized = authority.ToLowerInvariant();
        if (normalized.EndsWith(":443", StringComparison.Ordinal))
        {
            normalized = normalized[..^4];
        }

        return normalized.TrimEnd('.');
    }

    private static DocumentProblem NoQuery(CompiledClient client, string[] rawValues)
    {
        var values = rawValues.Select(raw => UrlPathRules.PercentDecode(raw)).ToArray();
        var canonical = values.All(value => value is not null && value.All(SpiffeIdGrammar.IsSegmentChar))
            ? client.CanonicalUrl(values!)
            : client.CanonicalForm;
        var why = client.Source == ParameterSource.Path
            ? "takes its values from the path"
            : "serves one document";

        return DocumentProblem.BadRequest("query-not-accepted", "This client_id has no query",
            $"{client.ClientId} {why}, so any query would make a different client_id that no document names.", canonical);
    }

    private static DocumentRequest ResolveQuery(CompiledClient client, string? query)
    {
        var parameters = client.Parameters;
        var raw = new string?[parameters.Count];
        var order = new List<int>(parameters.Count);
        foreach (var pair in (query ?? "").Split('&'))
        {
            if (pair.Length == 0 && query is not null && query.Length > 0)
            {
                return Fail(client, "malformed-query", "The query is malformed", "The query has an empty &-separated part.");
            }

            if (pair.Length == 0)
            {
                continue;
            }

            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var index = IndexOf(parameters, name);
            if (index < 0)
            {
                return Fail(client, "undeclared-parameter", "The query has a parameter this client does not declare",
                    $"Only {Names(parameters)} may appear in the query of {client.ClientId}; any other parameter would make another client_id.");
            }

            if (raw[index] is not null)
            {
                return Fail(client, "repeated-parameter", $"{parameters[index].Name} is given twice",
                    $"Each declared parameter appears exactly once; {parameters[index].Name} appears more than once.");
            }

            if (equals < 0)
            {
                return Fail(client, "malformed-query", $"{parameters[index].Name} has no value",
                    $"Write {parameters[index].Name}=<value>.");
            }

            raw[index] = pair[(equals + 1)..];
            order.Add(index);
        }

        var missing = Array.FindIndex(raw, value => value is null);
        if (missing >= 0)
        {
            return Fail(client, "missing-parameter", $"{parameters[missing].Name} is required",
                $"{client.ClientId} serves one document per value of {Names(parameters)}; the query must give {parameters[missing].Name}.");
        }

        var resolved = ResolveValues(client, raw!);
        if (resolved.Problem is null && !order.SequenceEqual(Enumerable.Range(0, parameters.Count)))
        {
            return DocumentRequest.Fail(DocumentProblem.BadRequest("parameter-order", "The parameters are not in the declared order",
                $"The canonical order is {Names(parameters)}: another order spells a different client_id, and the AS compares strings.",
                client.CanonicalUrl(resolved.Values)), client);
        }

        return resolved;
    }

    /// <summary>Checks raw values; the order of checks puts the structural reason first, then the pattern, then spelling.</summary>
    private static DocumentRequest ResolveValues(CompiledClient client, string[] raw)
    {
        var values = new string[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            if (ParameterRules.Decode(client.Parameters[i], raw[i], out var value) is { } problem)
            {
                return DocumentRequest.Fail(problem, client);
            }

            values[i] = value!;
        }

        if (ParameterRules.CheckStructure(client, values) is { } structural)
        {
            return DocumentRequest.Fail(structural, client);
        }

        for (var i = 0; i < values.Length; i++)
        {
            var parameter = client.Parameters[i];
            if (parameter.Pattern?.IsMatch(values[i]) == false)
            {
                return DocumentRequest.Fail(DocumentProblem.BadRequest("pattern-mismatch",
                    $"{parameter.Name} does not match its pattern",
                    $"{parameter.Name} must match the declared pattern {parameter.PatternText} as a whole."), client);
            }
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (!string.Equals(raw[i], values[i], StringComparison.Ordinal))
            {
                return DocumentRequest.Fail(DocumentProblem.BadRequest("needless-encoding",
                    $"{client.Parameters[i].Name} is percent-encoded",
                    "Values are letters, digits, dots, dashes and underscores, which are never percent-encoded (RFC 3986 section 6.2.2.2); the encoded spelling is a different client_id.",
                    client.CanonicalUrl(values)), client);
            }
        }

        return DocumentRequest.Serve(client, values);
    }

    private static DocumentRequest Fail(CompiledClient client, string code, string title, string detail) =>
        DocumentRequest.Fail(DocumentProblem.BadRequest(code, title, detail, client.CanonicalForm), client);

    private static int IndexOf(IReadOnlyList<ClientParameter> parameters, string name)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            if (string.Equals(parameters[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Names(IReadOnlyList<ClientParameter> parameters) =>
        string.Join(", then ", parameters.Select(parameter => parameter.Name));
}
