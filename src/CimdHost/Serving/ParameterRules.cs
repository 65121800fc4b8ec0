using CimdHost.Catalog;
using CimdHost.Validation;

namespace CimdHost.Serving;

/// <summary>
/// The rules a request value must pass before it fills a SPIFFE ID (SPIFFE-ID.md section 2.2): it can never add a
/// segment, remove one, or be a dot segment, so the identity keeps the structure its definition gives it.
/// </summary>
internal static class ParameterRules
{
    public static DocumentProblem? Decode(ClientParameter parameter, string raw, out string? value)
    {
        value = null;

        // Refused before any pattern runs: an encoded character takes at most three characters.
        if (raw.Length > 3 * parameter.MaxLength)
        {
            return TooLong(parameter);
        }

        value = UrlPathRules.PercentDecode(raw);
        if (value is null)
        {
            return DocumentProblem.BadRequest("malformed-encoding", $"{parameter.Name} has a malformed percent-encoding",
                "A % must start a two-digit hexadecimal escape.");
        }

        if (value.Length > parameter.MaxLength)
        {
            return TooLong(parameter);
        }

        if (value.Contains('/', StringComparison.Ordinal))
        {
            return DocumentProblem.BadRequest("value-adds-segment", $"{parameter.Name} would add a path segment",
                $"A slash in {parameter.Name} (also when percent-encoded) would split one segment of the SPIFFE ID into two.");
        }

        if (!value.All(SpiffeIdGrammar.IsSegmentChar))
        {
            return DocumentProblem.BadRequest("value-character", $"{parameter.Name} has a character a SPIFFE ID cannot hold",
                "Values may hold only letters, digits, dots, dashes and underscores (SPIFFE-ID.md section 2.2).");
        }

        return null;
    }

    /// <summary>Checks the segments the values land in, in spiffe_id and (for path templates) in the URL path.</summary>
    public static DocumentProblem? CheckStructure(CompiledClient client, IReadOnlyList<string> values)
    {
        var spiffeId = client.SpiffeId.Fill(name => values[IndexOf(client, name)]);
        var pathStart = SpiffeIdGrammar.PathStart(spiffeId);
        var segments = spiffeId[(pathStart + 1)..].Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Length == 0)
            {
                var where = i == segments.Length - 1 ? "end the SPIFFE ID in a slash" : "leave an empty segment in the SPIFFE ID";
                return DocumentProblem.BadRequest("value-empty-segment", "An empty value", $"An empty value would {where}.");
            }

            if (segments[i] is "." or "..")
            {
                return DocumentProblem.BadRequest("value-dot-segment", "A dot segment",
                    "The value would make a . or .. segment of the SPIFFE ID (SPIFFE-ID.md section 2.2).");
            }
        }

        if (client.IsTemplate && client.FillPath(values)[1..].Split('/') is var path
            && path.Any(segment => segment is "" or "." or ".."))
        {
            return DocumentProblem.BadRequest("value-dot-segment", "A dot or empty segment",
                "The value would make an empty, . or .. segment in the path of client_id (CIMD -03 section 3).");
        }

        // The one grammar that validation also uses; with the checks above it can only fail on a bug.
        return SpiffeIdGrammar.Check(spiffeId, allowWildcard: client.IsWildcard) is { } problem
            ? DocumentProblem.BadRequest("invalid-spiffe-id", "Not a valid SPIFFE ID", $"The filled-in spiffe_id is invalid: {problem.Message}.")
            : null;
    }

    private static int IndexOf(CompiledClient client, string name)
    {
        for (var i = 0; i < client.Parameters.Count; i++)
        {
            if (client.Parameters[i].Name == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"spiffe_id uses an undeclared parameter {name}.");
    }

    private static DocumentProblem TooLong(ClientParameter parameter) =>
        DocumentProblem.BadRequest("value-too-long", $"{parameter.Name} is too long",
            $"{parameter.Name} is at most {parameter.MaxLength} characters.");
}
