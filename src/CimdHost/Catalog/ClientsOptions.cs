namespace CimdHost.Catalog;

/// <summary>Where client definitions are read from and how changes are picked up (configuration section <c>Clients</c>).</summary>
public sealed class ClientsOptions
{
    public const string SectionName = "Clients";

    /// <summary>The folder of <c>*.yaml</c> / <c>*.yml</c> definitions, relative to the working folder. Default <c>clients.d</c>.</summary>
    public string Directory { get; set; } = "clients.d";

    /// <summary>The <c>Cache-Control: max-age</c>, in seconds, of a client without <c>hosting.max_age</c>. Default 300.</summary>
    public int DefaultMaxAge { get; set; } = 300;

    /// <summary>How long the folder must be quiet after a change before it is reloaded, so one save is one reload. Default 300 ms.</summary>
    public TimeSpan ReloadDebounce { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// How often the folder is also compared with the last load, for mounts that deliver no change events
    /// (some container bind mounts and network file systems). Default 2 seconds; zero turns polling off.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether to listen for file-system change events as well as polling. Default true.</summary>
    public bool WatchForChanges { get; set; } = true;

    /// <summary>
    /// The most memory, in megabytes, that the output cache may account to rendered documents. Default 8; 0 turns the
    /// output cache off, and every document is rendered for each request.
    /// </summary>
    // Note: the output cache accounts only part of what an entry really costs; measured here (docs/performance.md),
    // 8 MB of accounted entries kept a flood of distinct instance values to about 50 MB of process growth.
    public int CacheSizeLimitMegabytes { get; set; } = 8;
}
