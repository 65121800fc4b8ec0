using System.Text.RegularExpressions;

namespace CimdHost.IntegrationTests.Oracles;

/// <summary>
/// What the shipped <c>clients.d</c> promises, restated by hand from its YAML: the canonical request targets each
/// client answers and the <c>spiffe_id</c> each one fills in. Tests compare the service against this, not against
/// the service's own routing.
/// </summary>
internal static partial class ShippedClients
{
    /// <summary>The origin of every shipped client_id.</summary>
    public const string Origin = "https://example.com";

    /// <summary>One served target per shipped client (the <c>example</c> values of its parameters).</summary>
    public static IReadOnlyList<string> ExampleTargets { get; } =
    [
        "/client.json?instance_id=7",
        "/clients/billing.json",
        "/clients/fleet.json",
        "/clients/web/7.json",
        "/pods.json?namespace=payments&pod=7",
    ];

    /// <summary>The <c>spiffe_id</c> the document of <paramref name="rawTarget"/> must name, or null when no shipped
    /// client may serve that exact spelling.</summary>
    public static string? ExpectedSpiffeId(string rawTarget)
    {
        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? rawTarget : rawTarget[..question];
        var query = question < 0 ? null : rawTarget[(question + 1)..];

        if (query is null)
        {
            return path switch
            {
                "/clients/billing.json" => "spiffe://example.org/billing/api",
                "/clients/fleet.json" => "spiffe://example.org/fleet/*",
                _ when WebPath().Match(path) is { Success: true } web => "spiffe://example.org/web/" + web.Groups[1].Value,
                _ => null,
            };
        }

        return path switch
        {
            "/client.json" when InstanceQuery().Match(query) is { Success: true } instance =>
                "spiffe://example.org/client/" + instance.Groups[1].Value,
            "/pods.json" when PodsQuery().Match(query) is { Success: true } pods =>
                $"spiffe://example.org/ns/{pods.Groups[1].Value}/pod/{pods.Groups[2].Value}",
            _ => null,
        };
    }

    [GeneratedRegex(@"\A/clients/web/([0-9]{1,6})\.json\z")]
    private static partial Regex WebPath();

    [GeneratedRegex(@"\Ainstance_id=([0-9]{1,6})\z")]
    private static partial Regex InstanceQuery();

    [GeneratedRegex(@"\Anamespace=([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)&pod=([0-9]{1,6})\z")]
    private static partial Regex PodsQuery();
}
