using System.Net;

namespace CimdHost.Validation;

/// <summary>
/// Hosts an AS refuses to fetch: CIMD -03 section 8.6 forbids fetching the document, and every URL inside it, from
/// special-use addresses (RFC 6890), and ASes also block special-use names and single-label hosts (RFC 6761).
/// </summary>
internal static class HostRules
{
    private static readonly string[] SpecialUseSuffixes = ["localhost", "local", "test", "invalid", "example", "internal", "onion", "home.arpa"];

    /// <summary>Why an AS would refuse to fetch from <paramref name="host"/>, or <c>null</c> when it is an ordinary name.</summary>
    public static string? WhyRefused(string host)
    {
        var name = host.TrimEnd('.').ToLowerInvariant();
        if (name.StartsWith('[') || IPAddress.TryParse(name, out _))
        {
            return IsSpecialUseAddress(name)
                ? "is a special-use IP address (loopback, private or link-local) that ASes must not fetch from (CIMD -03 section 8.6)"
                : "is an IP address; ASes expect a DNS name (ATProto refuses IP-literal hosts)";
        }

        foreach (var suffix in SpecialUseSuffixes)
        {
            if (name == suffix || name.EndsWith("." + suffix, StringComparison.Ordinal))
            {
                return $"is under the special-use name .{suffix} (RFC 6761), which ASes refuse to fetch from";
            }
        }

        return name.Contains('.', StringComparison.Ordinal)
            ? null
            : "is a single-label name, which ASes refuse to fetch from (CIMD -03 section 8.6)";
    }

    private static bool IsSpecialUseAddress(string literal)
    {
        if (!IPAddress.TryParse(literal.Trim('[', ']'), out var address))
        {
            return true;
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv4MappedToIPv6)
        {
            return true;
        }

        var bytes = address.GetAddressBytes();

        return bytes.Length == 4 && (bytes[0] is 0 or 10 or 127
            || bytes[0] == 169 && bytes[1] == 254
            || bytes[0] == 172 && bytes[1] is >= 16 and <= 31
            || bytes[0] == 192 && bytes[1] == 168
            || bytes[0] == 100 && bytes[1] is >= 64 and <= 127
            || bytes[0] >= 224);
    }
}
