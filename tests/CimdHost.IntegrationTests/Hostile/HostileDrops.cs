using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CimdHost.IntegrationTests.Hostile;

/// <summary>
/// Everything a careless or hostile operator can leave in clients.d: the refused definition cases, plus
/// files that attack the reader itself (size, nesting, aliases, encoding) and entries that are no regular file.
/// </summary>
internal static class HostileDrops
{
    private const string ValidHead = """
        client_id: https://example.com/hostile.json
        client_name: Probe client
        token_endpoint_auth_method: spiffe_jwt
        grant_types: [client_credentials]
        response_types: []
        spiffe_id: spiffe://example.org/hostile/a

        """;

    public static IReadOnlyList<HostileDrop> All { get; } =
    [
        .. CorpusCases.Refused.Select(c => Bytes(c.Name, () => c.Bytes, c.Rule)),

        // Valid definitions that try to take over the URLs of a shipped client, or of the service itself.
        Text("aaa-hijack-client-id", Hijack("https://example.com/client.json", "spiffe://example.org/client/{instance_id}"),
            "duplicate-client-id") with { TargetsShippedClients = true },
        Text("aaa-hijack-route", Hijack("https://example.com/clients/{instance_id}.json", "spiffe://example.org/evil/{instance_id}"),
            "route-conflict") with { TargetsShippedClients = true },
        Text("reserved-path", Fixed("https://example.com/readyz", "spiffe://example.org/evil/a"), "reserved-path"),

        // Files that attack the reader: size, nesting, aliases, encoding.
        Bytes("huge-file", () => Encoding.UTF8.GetBytes(Member("client_uri", "https://example.com/" + new string('a', 6 << 20))),
            "yaml-file-size"),
        Text("deep-sequences", Member("contacts", new string('[', 1000) + new string(']', 1000)), "yaml-depth"),
        Text("unclosed-sequences", Member("contacts", new string('[', 1000)), "yaml-depth"),
        Text("deep-flow-maps", Member("extra", Repeat("{a: ", 1000) + "1" + new string('}', 1000)), "yaml-depth"),
        Text("unclosed-flow-maps", Member("extra", Repeat("{a: ", 1000)), "yaml-depth"),
        Text("deep-block-maps", ValidHead + "extra:\n"
            + string.Concat(Enumerable.Range(1, 300).Select(depth => new string(' ', depth) + "a:\n")) + new string(' ', 301) + "b: 1\n",
            "yaml-depth"),
        Text("alias-bomb-in-published-member", AliasBombIn("contacts"), "yaml-alias-budget"),
        Text("alias-bomb-of-maps", AliasBombOfMaps(), "yaml-alias-budget"),
        Bytes("invalid-utf8", () => [.. Encoding.UTF8.GetBytes(ValidHead + "client_uri: https://example.com/"),
            0xC3, 0x28, 0xFF, 0xC0, 0xAF, 0xED, 0xA0, 0x80, (byte)'\n'], "yaml-encoding"),
        Bytes("utf16-with-bom", () => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(ValidHead)], "yaml-encoding"),
        Text("nul-byte", ValidHead.Replace("Probe client", "Probe\0client", StringComparison.Ordinal), "yaml-syntax"),
        Bytes("empty-file", () => [], "yaml-not-one-mapping"),
        Text("comments-only", "# nothing here yet\n", "yaml-not-one-mapping"),

        // Entries with a definition's name that are no regular file.
        new("directory-named-yaml", "x.yaml", folder => Directory.CreateDirectory(Path.Combine(folder, "x.yaml")), null,
            IsRegularFile: false),
        new("symlink-loop", "loop.yaml", folder => Link(folder, "loop.yaml", Path.Combine(folder, "loop.yaml")), null),
        new("symlink-to-dev-zero", "z.yaml", folder => Link(folder, "z.yaml", "/dev/zero"), null, IsRegularFile: false),
        new("fifo", "f.yaml", folder => MakeFifo(Path.Combine(folder, "f.yaml")), null, IsRegularFile: false,
            Release: folder => ReleaseFifo(Path.Combine(folder, "f.yaml")),
            Remove: folder => RemoveFifo(Path.Combine(folder, "f.yaml"))),
    ];

    private static string Member(string name, string value) => ValidHead + name + ": " + value + "\n";

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    private static void Link(string folder, string name, string target) =>
        File.CreateSymbolicLink(Path.Combine(folder, name), target);

    /// <summary>A valid definition without parameters.</summary>
    private static string Fixed(string clientId, string spiffeId) => $"""
        client_id: {clientId}
        client_name: Evil twin
        token_endpoint_auth_method: spiffe_jwt
        grant_types: [client_credentials]
        response_types: []
        spiffe_id: {spiffeId}

        """;

    /// <summary>A valid definition that tries to take over a shipped client's URLs with another identity.</summary>
    private static string Hijack(string clientId, string spiffeId) => Fixed(clientId, spiffeId) + """
        hosting:
          parameters:
            instance_id:
              pattern: '[a-z0-9]+'

        """;

    public static HostileDrop ByName(string name) => All.Single(drop => drop.Name == name);

    private static HostileDrop Text(string name, string text, string? rule) =>
        new(name, name + ".yaml", folder => File.WriteAllText(Path.Combine(folder, name + ".yaml"), text), rule);

    private static HostileDrop Bytes(string name, Func<byte[]> bytes, string? rule) =>
        new(name, name + ".yaml", folder => File.WriteAllBytes(Path.Combine(folder, name + ".yaml"), bytes()), rule);

    /// <summary>The classic bomb (ten to the eighth nodes), hung under a published member instead of a spare key.</summary>
    private static string AliasBombIn(string member)
    {
        var text = new StringBuilder(ValidHead);
        text.Append("x-a: &a [x,x,x,x,x,x,x,x,x,x]\n");
        for (var level = 'b'; level <= 'h'; level++)
        {
            var previous = (char)(level - 1);
            text.Append(CultureInfo.InvariantCulture, $"x-{level}: &{level} [{string.Join(',', Enumerable.Repeat("*" + previous, 10))}]\n");
        }

        return text.Append(CultureInfo.InvariantCulture, $"{member}: *h\n").ToString();
    }

    /// <summary>A bomb of mappings whose keys differ, so that it survives any check for duplicate keys.</summary>
    private static string AliasBombOfMaps()
    {
        var text = new StringBuilder(ValidHead);
        text.Append("x-a: &a {k0: x, k1: x, k2: x, k3: x, k4: x, k5: x, k6: x, k7: x, k8: x, k9: x}\n");
        for (var level = 'b'; level <= 'h'; level++)
        {
            var previous = (char)(level - 1);
            text.Append(CultureInfo.InvariantCulture, $"x-{level}: &{level} {{{string.Join(", ", Enumerable.Range(0, 10).Select(i => $"k{i}: *{previous}"))}}}\n");
        }

        return text.ToString();
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        if (!mkfifo.WaitForExit(10_000) || mkfifo.ExitCode != 0)
        {
            throw new InvalidOperationException($"mkfifo {path} failed");
        }
    }

    /// <summary>Opening a FIFO for reading and writing never blocks on Linux; it lets a blocked reader through to EOF.</summary>
    private static void ReleaseFifo(string path)
    {
        if (File.Exists(path))
        {
            using var writer = OpenFifo(path);
        }
    }

    /// <summary>Deletes the FIFO while holding it open, so that a reader blocked on it then gets through to EOF.</summary>
    private static void RemoveFifo(string path)
    {
        if (File.Exists(path))
        {
            using var writer = OpenFifo(path);
            File.Delete(path);
        }
    }

    private static FileStream OpenFifo(string path) => new(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
}
