using System.Globalization;

namespace CimdHost.Management;

/// <summary>
/// Tells the management listener from the public one by the local port a connection arrived on. The Host header
/// cannot decide this: any client can send any Host.
/// </summary>
internal sealed class Listeners(IReadOnlySet<int> managementPorts)
{
    public const string DefaultPublicUrls = "http://localhost:8080";

    public IReadOnlySet<int> ManagementPorts { get; } = managementPorts;

    public bool IsManagement(HttpContext context) => ManagementPorts.Contains(context.Connection.LocalPort);

    public static IReadOnlyList<string> Split(string? urls) =>
        (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// The public URLs: <c>urls</c> (<c>--urls</c>, <c>ASPNETCORE_URLS</c>), else <c>http_ports</c>
    /// (<c>ASPNETCORE_HTTP_PORTS</c>, which the official container images set), else http://localhost:8080.
    /// </summary>
    public static IReadOnlyList<string> PublicUrls(IConfiguration configuration)
    {
        if (Split(configuration["urls"]) is { Count: > 0 } urls)
        {
            return urls;
        }

        var ports = Split(configuration["http_ports"]?.Replace(',', ';'));

        return ports.Count > 0 ? ports.Select(port => $"http://*:{port}").ToArray() : [DefaultPublicUrls];
    }

    /// <summary>The ports of <paramref name="urls"/>; throws when one has no explicit port, since the port is the listener's identity.</summary>
    public static IReadOnlySet<int> Ports(IEnumerable<string> urls) => urls.Select(url =>
    {
        var address = BindingAddress.Parse(url);
        var explicitPort = url.AsSpan(url.IndexOf("://", StringComparison.Ordinal) + 3).Contains(':');
        if (!explicitPort || address.Port <= 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Management:Urls '{url}' needs an explicit port other than 0, such as http://localhost:8081."));
        }

        return address.Port;
    }).ToHashSet();
}
