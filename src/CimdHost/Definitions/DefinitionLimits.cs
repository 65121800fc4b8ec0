namespace CimdHost.Definitions;

/// <summary>
/// Bounds on what one definition file may cost to read. A served document is at most 5120 bytes
/// (CIMD -03 section 8.7), so a sane definition is far below each of these.
/// </summary>
internal static class DefinitionLimits
{
    /// <summary>The largest file read at all, in bytes.</summary>
    public const int MaxFileBytes = 64 * 1024;

    /// <summary>The most nodes a file may hold once every alias is expanded ("billion laughs" stop here).</summary>
    public const int MaxExpandedNodes = 10_000;

    /// <summary>The deepest nesting of mappings and sequences.</summary>
    public const int MaxDepth = 16;
}
