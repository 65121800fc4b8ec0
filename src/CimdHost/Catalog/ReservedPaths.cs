namespace CimdHost.Catalog;

/// <summary>
/// The service's own paths, which no client_id may take (health checks, status, OpenAPI, metrics). An entry that
/// ends in a slash reserves everything below it. Routing matches these paths without regard to case, so a client
/// path collides with a reserved one in any casing.
/// </summary>
internal sealed class ReservedPaths(IEnumerable<string> paths)
{
    private readonly string[][] _entries = paths.Select(path => path.TrimStart('/').Split('/')).ToArray();

    /// <summary>The reserved path <paramref name="client"/> could answer, or <c>null</c> when it collides with none.</summary>
    public string? FindCollision(CompiledClient client)
    {
        foreach (var entry in _entries)
        {
            var isPrefix = entry[^1].Length == 0;
            var reserved = isPrefix ? entry[..^1] : entry;
            var fits = isPrefix ? client.Segments.Count > reserved.Length : client.Segments.Count == reserved.Length;
            if (fits && reserved.Select((name, i) => CanBe(client, client.Segments[i], name)).All(can => can))
            {
                return "/" + string.Join('/', entry);
            }
        }

        return null;
    }

    private static bool CanBe(CompiledClient client, RouteSegment segment, string name)
    {
        if (segment.IsLiteral)
        {
            return string.Equals(segment.Prefix, name, StringComparison.OrdinalIgnoreCase);
        }

        var parameter = client.Parameters[segment.Parameter];
        foreach (var spelling in new[] { name, name.ToUpperInvariant(), char.ToUpperInvariant(name[0]) + name[1..] })
        {
            if (segment.Capture(spelling) is { } value && (parameter.Pattern?.IsMatch(value) ?? true))
            {
                return true;
            }
        }

        return false;
    }
}
