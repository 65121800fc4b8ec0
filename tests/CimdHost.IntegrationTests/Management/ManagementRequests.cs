using CimdHost.IntegrationTests.TestSupport;

namespace CimdHost.IntegrationTests.Management;

/// <summary>Request helpers for the management listener, which the test server simulates with a header.</summary>
internal static class ManagementRequests
{
    public static readonly IReadOnlyDictionary<string, string> Listener =
        new Dictionary<string, string> { [CimdHostFactory.ListenerHeader] = "management" };
}
