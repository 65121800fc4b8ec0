using System.Diagnostics.CodeAnalysis;
using CimdHost.Validation;

namespace CimdHost.Catalog;

/// <summary>
/// Finds the clients whose route fits a raw request path without scanning every client: fixed paths by dictionary,
/// path templates by a tree of segments. Built once per snapshot; read by any number of requests at once.
/// </summary>
internal sealed class RouteTable
{
    private readonly Dictionary<string, List<CompiledClient>> _fixed = new(StringComparer.Ordinal);
    private readonly Node _templates = new();

    // The fixed paths again, as a tree of literal segments, so a template finds the fixed paths it could answer
    // without a scan of every fixed path.
    private readonly Node _fixedTree = new();

    public int Count { get; private set; }

    /// <summary>Adds a client unless it could answer a URL that an added client of the same host answers.</summary>
    public bool TryAdd(CompiledClient client, [NotNullWhen(false)] out CompiledClient? conflict)
    {
        conflict = client.IsTemplate ? FindTemplateConflict(client) : FindFixedConflict(client);
        if (conflict is not null)
        {
            return false;
        }

        if (client.IsTemplate)
        {
            var node = _templates;
            foreach (var segment in client.Segments)
            {
                node = node.Child(segment);
            }

            node.Clients.Add(client);
        }
        else
        {
            FixedClients(client.Path).Add(client);
            var node = _fixedTree;
            foreach (var segment in client.Path[1..].Split('/'))
            {
                node = node.Child(RouteSegment.Literal(segment));
            }

            node.Clients.Add(client);
        }

        Count++;

        return true;
    }

    /// <summary>Adds every client that fits <paramref name="rawPath"/> to <paramref name="matches"/>.</summary>
    public void Match(string rawPath, List<RouteMatch> matches)
    {
        if (_fixed.TryGetValue(rawPath, out var clients))
        {
            foreach (var client in clients)
            {
                matches.Add(new RouteMatch(client, []));
            }
        }

        if (rawPath.Length < 2 || rawPath[0] != '/' || _templates.IsEmpty)
        {
            return;
        }

        var segments = rawPath[1..].Split('/');
        Walk(_templates, segments, 0, new string?[segments.Length], matches);
    }

    private static void Walk(Node node, string[] segments, int depth, string?[] captures, List<RouteMatch> matches)
    {
        if (depth == segments.Length)
        {
            foreach (var client in node.Clients)
            {
                var values = new string[client.Parameters.Count];
                for (var i = 0; i < client.Segments.Count; i++)
                {
                    if (!client.Segments[i].IsLiteral)
                    {
                        values[client.Segments[i].Parameter] = captures[i]!;
                    }
                }

                matches.Add(new RouteMatch(client, values));
            }

            return;
        }

        if (node.Literals?.TryGetValue(segments[depth], out var literal) == true)
        {
            Walk(literal, segments, depth + 1, captures, matches);
        }

        foreach (var (segment, child) in node.Templates)
        {
            if (segment.Capture(segments[depth]) is { } value)
            {
                captures[depth] = value;
                Walk(child, segments, depth + 1, captures, matches);
            }
        }
    }

    private CompiledClient? FindFixedConflict(CompiledClient client)
    {
        if (_fixed.TryGetValue(client.Path, out var same) && same.Find(other => other.Authority == client.Authority) is { } twin)
        {
            return twin;
        }

        var matches = new List<RouteMatch>();
        Match(client.Path, matches);

        return matches.Where(match => match.Client.IsTemplate && match.Client.Authority == client.Authority)
            .Select(match => match.Client)
            .FirstOrDefault(template => AcceptsAll(template, client.Path));
    }

    private CompiledClient? FindTemplateConflict(CompiledClient client)
    {
        // A template conflicts with a fixed path of the same host that it would answer, and with any template of the
        // same host whose segments could all match the same text.
        return FindFixedInside(_fixedTree, client, 0) ?? FindOverlap(_templates, client, 0);
    }

    private static CompiledClient? FindFixedInside(Node node, CompiledClient template, int depth)
    {
        if (depth == template.Segments.Count)
        {
            return node.Clients.Find(other => other.Authority == template.Authority && AcceptsAll(template, other.Path));
        }

        var segment = template.Segments[depth];
        if (segment.IsLiteral)
        {
            return node.Literals?.TryGetValue(segment.Prefix, out var child) == true
                ? FindFixedInside(child, template, depth + 1)
                : null;
        }

        foreach (var (name, child) in node.Literals ?? [])
        {
            if (segment.Capture(name) is not null && FindFixedInside(child, template, depth + 1) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static CompiledClient? FindOverlap(Node node, CompiledClient client, int depth)
    {
        if (depth == client.Segments.Count)
        {
            return node.Clients.Find(other => other.Authority == client.Authority);
        }

        var segment = client.Segments[depth];
        if (segment.IsLiteral)
        {
            if (node.Literals?.TryGetValue(segment.Prefix, out var same) == true
                && FindOverlap(same, client, depth + 1) is { } found)
            {
                return found;
            }
        }
        else
        {
            foreach (var (name, child) in node.Literals ?? [])
            {
                if (segment.Capture(name) is not null && FindOverlap(child, client, depth + 1) is { } found)
                {
                    return found;
                }
            }
        }

        foreach (var (other, child) in node.Templates)
        {
            if ((segment.IsLiteral ? other.Capture(segment.Prefix) is not null : Overlaps(segment, other))
                && FindOverlap(child, client, depth + 1) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    // Limitation: two templates are compared by their literal text only (patterns are ignored), so templates whose
    // patterns never overlap can still be refused as conflicting.
    private static bool Overlaps(RouteSegment a, RouteSegment b) =>
        (a.Prefix.StartsWith(b.Prefix, StringComparison.Ordinal) || b.Prefix.StartsWith(a.Prefix, StringComparison.Ordinal))
        && (a.Suffix.EndsWith(b.Suffix, StringComparison.Ordinal) || b.Suffix.EndsWith(a.Suffix, StringComparison.Ordinal));

    /// <summary>Whether the template accepts <paramref name="path"/> with values its parameters would accept.</summary>
    private static bool AcceptsAll(CompiledClient template, string path)
    {
        var segments = path[1..].Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = template.Segments[i];
            if (segment.IsLiteral)
            {
                continue;
            }

            var value = segment.Capture(segments[i]);
            var parameter = template.Parameters[segment.Parameter];
            if (value is null || !value.All(SpiffeIdGrammar.IsSegmentChar) || value.Length > parameter.MaxLength
                || parameter.Pattern?.IsMatch(value) == false)
            {
                return false;
            }
        }

        return true;
    }

    private List<CompiledClient> FixedClients(string path)
    {
        if (!_fixed.TryGetValue(path, out var clients))
        {
            clients = [];
            _fixed.Add(path, clients);
        }

        return clients;
    }

    private sealed class Node
    {
        public Dictionary<string, Node>? Literals { get; private set; }

        public List<(RouteSegment Segment, Node Child)> Templates { get; } = [];

        public List<CompiledClient> Clients { get; } = [];

        public bool IsEmpty => Literals is null && Templates.Count == 0 && Clients.Count == 0;

        public Node Child(RouteSegment segment)
        {
            if (segment.IsLiteral)
            {
                Literals ??= new Dictionary<string, Node>(StringComparer.Ordinal);
                if (!Literals.TryGetValue(segment.Prefix, out var literal))
                {
                    literal = new Node();
                    Literals.Add(segment.Prefix, literal);
                }

                return literal;
            }

            var index = Templates.FindIndex(entry => entry.Segment == segment);
            if (index >= 0)
            {
                return Templates[index].Child;
            }

            var child = new Node();
            Templates.Add((segment, child));

            return child;
        }
    }
}
