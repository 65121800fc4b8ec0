namespace CimdHost.Management;

/// <summary>The management listener (configuration section <c>Management</c>): Swagger UI, status and metrics.</summary>
public sealed class ManagementOptions
{
    public const string SectionName = "Management";

    /// <summary>
    /// The URLs the management listener binds, separated by semicolons; each needs an explicit port that the public
    /// listener does not use. Default <c>http://localhost:8081</c>, reachable from this machine only. Empty turns it off.
    /// </summary>
    public string Urls { get; set; } = "http://localhost:8081";
}
