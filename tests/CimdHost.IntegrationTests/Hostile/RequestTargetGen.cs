using CsCheck;

namespace CimdHost.IntegrationTests.Hostile;

/// <summary>
/// Generators of request targets: the shipped clients' real paths and parameter names mixed with percent-encodings
/// (%2e, %2f, %00, %25 and friends), Unicode, control characters, huge values, and repeated or reordered parameters.
/// Every target starts with a slash (origin form, RFC 9112 section 3.2.1), as the raw target of a real request does.
/// </summary>
internal static class RequestTargetGen
{
    private const int MaxHugeLength = 6 * 1024;

    private static readonly string[] Tokens =
    [
        "%2e", "%2E", "%2e%2e", "%2f", "%2F", "%00", "%25", "%252e", "%252F", "%", "%z", "%zz", "%4", "%e9", "%C3%A9",
        "%ff", "%FF%FE", "%c0%ae", "%5c", "%3f", "%3F", "%23", "%26", "%3d", "%20", "%0a", "%0d%0a", "%31", "%37",
        "%5F", "%2D", "+", ".", "..", "/", "//", "\\", ";", "&", "=", "?", "#", "*", "~", ":", "@", "é", "€", "𝄞",
        "\u202e", "\ufeff", "\0", "\t", "\r\n", " ", "\u007f", "\u0085", "\ud800", "\udfff", "0", "7", "a", "Z", "-", "_",
    ];

    private static readonly string[] ParameterNames =
    [
        "instance_id", "namespace", "pod", "INSTANCE_ID", "Instance_id", "instance_id[]", "instance%5Fid", "instance_i%64",
        "scope", "client_id", "redirect_uri", "pod ", " pod", "namespace.", "",
    ];

    private static readonly string[] RealPaths =
    [
        "/client.json", "/clients/fleet.json", "/clients/web/7.json", "/pods.json", "/clients/billing.json", "/healthz",
        "/readyz", "/clients", "/metrics", "/swagger/index.html", "/swagger/v1/swagger.json", "/",
    ];

    private static readonly string[] PathPieces =
    [
        "client.json", "clients", "fleet.json", "web", "7.json", "pods.json", "billing.json", ".json", "client", "json",
        ".", "..", "", "%2e%2e", "7", "%37.json", "healthz", "readyz",
    ];

    private static readonly string[] HugeUnits = ["7", "a", "A", "-", ".", "%2e", "%37", "%00", "é", "/", "&instance_id=1", "&"];

    private static readonly string[] Hosts = ["example.com", "evil.example", "EXAMPLE.COM", "example.com:443", "localhost", ""];

    /// <summary>A few tokens glued together: the alphabet of every hostile piece below.</summary>
    public static Gen<string> Garbage { get; } = Gen.Frequency(
        (6, Gen.OneOf(Tokens).Array[1, 6].Select(parts => string.Concat(parts))),
        (2, Gen.String[0, 8]),
        (1, Gen.Char.Array[1, 4].Select(chars => new string(chars))));

    /// <summary>A value that repeats one unit up to a few KB.</summary>
    public static Gen<string> Huge { get; } = Gen.Select(Gen.OneOf(HugeUnits), Gen.Int[16, 4096], (unit, count) =>
    {
        var text = string.Concat(Enumerable.Repeat(unit, count));
        return text.Length > MaxHugeLength ? text[..MaxHugeLength] : text;
    });

    public static Gen<string> Digits { get; } = Gen.Char['0', '9'].Array[1, 7].Select(chars => new string(chars));

    /// <summary>A Kubernetes namespace name, as the shipped pods client's pattern declares it.</summary>
    public static Gen<string> Namespace { get; } = Gen.Select(
        Gen.Char["abcz09"],
        Gen.Char["abcz09-"].Array[0, 61],
        Gen.Char["abcz09"],
        Gen.Bool,
        (first, middle, last, single) => single ? first.ToString() : first + new string(middle) + last);

    public static Gen<string> Value { get; } = Gen.Frequency(
        (4, Digits),
        (2, Namespace),
        (1, Gen.Char["aZ09-._~"].Array[0, 70].Select(chars => new string(chars))),
        (3, Garbage),
        (1, Gen.Select(Digits, Garbage, Digits, (a, b, c) => a + b + c)),
        (1, Huge),
        (1, Gen.OneOf("", ".", "..", "%2e", "%2e%2e", "7%00", "%37", "7/8", "7%2F8", "7%252F8", "-", "_", "~")));

    public static Gen<string> Name { get; } = Gen.Frequency((6, Gen.OneOf(ParameterNames)), (1, Garbage), (1, Huge));

    public static Gen<string> Pair { get; } = Gen.Frequency(
        (8, Gen.Select(Name, Value, (name, value) => name + "=" + value)),
        (1, Name),
        (1, Gen.Select(Name, Value, Value, (name, a, b) => name + "=" + a + "=" + b)),
        (1, Garbage));

    /// <summary>Parameters in any number and order, repeated or not, with ordinary and odd separators.</summary>
    public static Gen<string> Query { get; } = Gen.Frequency(
        (1, Gen.Const("")),
        (1, Gen.Const("?")),
        (8, Gen.Select(Pair.Array[0, 5], Gen.OneOf("&", "&", "&", "&&", ";", "&amp;"), (pairs, separator) =>
            "?" + string.Join(separator, pairs))));

    public static Gen<string> Path { get; } = Gen.Frequency(
        (4, Gen.OneOf(RealPaths)),
        (4, Gen.Select(Gen.OneOf(RealPaths), Gen.Int[0, 64], Garbage, (path, at, token) =>
            path.Insert(1 + at % path.Length, token))),
        (1, Gen.OneOf(RealPaths).Select(path => path.ToUpperInvariant())),
        (2, Gen.Frequency((3, Gen.OneOf(PathPieces)), (1, Garbage)).Array[0, 5].Select(pieces => "/" + string.Join('/', pieces))),
        (2, Value.Select(value => "/clients/web/" + value + ".json")),
        (1, Huge.Select(text => "/" + text)));

    public static Gen<string> Host { get; } = Gen.Frequency((6, Gen.Const("example.com")), (1, Gen.OneOf(Hosts)));

    /// <summary>Anything: real and garbage paths with real and garbage queries.</summary>
    public static Gen<HostileRequest> Anything { get; } = Gen.Select(Path, Query, Host, (path, query, host) =>
        new HostileRequest(path + query, host));

    /// <summary>The shipped clients' own paths, with hostile queries built from their parameter names.</summary>
    public static Gen<HostileRequest> ShippedPathHostileQuery { get; } = Gen.Select(
        Gen.OneOf("/client.json", "/pods.json", "/clients/fleet.json", "/clients/billing.json", "/clients/web/7.json"),
        Query,
        Host,
        (path, query, host) => new HostileRequest(path + query, host));

    /// <summary>Canonical spellings with random valid values: each must be served, and name its own values.</summary>
    public static Gen<HostileRequest> Canonical { get; } = Gen.Select(
        Gen.Frequency(
            (3, Gen.Char['0', '9'].Array[1, 6].Select(chars => "/client.json?instance_id=" + new string(chars))),
            (3, Gen.Char['0', '9'].Array[1, 6].Select(chars => "/clients/web/" + new string(chars) + ".json")),
            (3, Gen.Select(Namespace, Gen.Char['0', '9'].Array[1, 6], (ns, pod) => $"/pods.json?namespace={ns}&pod={new string(pod)}")),
            (1, Gen.OneOf("/clients/fleet.json", "/clients/billing.json"))),
        Host,
        (target, host) => new HostileRequest(target, host));

    /// <summary>A canonical target with one small change: the spellings most likely to slip through as the original.</summary>
    public static Gen<HostileRequest> NearMiss { get; } = Gen.Select(
        Canonical,
        Gen.Int[0, 5],
        Gen.Int[1, 1000],
        Gen.Frequency((4, Gen.OneOf(Tokens)), (1, Garbage)),
        (request, operation, at, token) => request with { Target = Mutate(request.Target, operation, at, token) });

    private static string Mutate(string target, int operation, int at, string token)
    {
        // Position 0 is the leading slash, which every origin-form target keeps.
        var position = 1 + at % target.Length;
        var index = Math.Min(position, target.Length - 1);
        var question = target.IndexOf('?', StringComparison.Ordinal);

        return operation switch
        {
            0 => target.Insert(position, token),
            1 => target.Remove(index, 1),
            2 => target.Remove(index, 1).Insert(index, token),
            3 => target[..index] + char.ToUpperInvariant(target[index]) + target[(index + 1)..],
            4 when question >= 0 => target + "&" + target[(question + 1)..],
            _ => target + (question >= 0 ? "&" : "?") + token,
        };
    }
}
