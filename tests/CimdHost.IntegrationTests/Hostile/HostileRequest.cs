using System.Text.Json;

namespace CimdHost.IntegrationTests.Hostile;

/// <summary>One request an attacker posing as an AS may send: a raw request target and a Host header.</summary>
public sealed record HostileRequest(string Target, string Host)
{
    /// <summary>JSON-escaped, so that control characters and lone surrogates stay readable in a failure report.</summary>
    public override string ToString() => $"target {JsonSerializer.Serialize(Target)} host {JsonSerializer.Serialize(Host)}";
}
