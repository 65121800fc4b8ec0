namespace CimdHost.Management;

/// <summary>Endpoint metadata: the endpoint answers on the management listener only.</summary>
internal sealed class ManagementOnlyMetadata
{
    public static ManagementOnlyMetadata Instance { get; } = new();
}
