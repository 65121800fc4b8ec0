using Microsoft.Extensions.Options;

namespace CimdHost.Catalog;

/// <summary>
/// Loads the catalog at startup, then reloads it whenever the folder changes: file-system events where the platform
/// delivers them, and a poll of every entry's fingerprint for mounts that do not. Bursts of changes are debounced so
/// that one save is one reload.
/// </summary>
internal sealed partial class CatalogWatcher(
    ClientCatalog catalog,
    IOptions<ClientsOptions> options,
    TimeProvider time,
    ILogger<CatalogWatcher> logger) : BackgroundService
{
    private readonly Lock _gate = new();
    private ITimer? _debounce;
    // The folder as last loaded or last seen by a poll.
    private string _lastFingerprint = "";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        _lastFingerprint = FolderFingerprint(settings.Directory);

        // Off the startup path: the listeners open at once and /readyz says 503 until this first load is done.
        await Task.Run(() => catalog.ReloadAsync(stoppingToken), stoppingToken);

        using var watcher = settings.WatchForChanges ? StartWatcher(settings) : null;
        using var poll = settings.PollInterval > TimeSpan.Zero
            ? time.CreateTimer(_ => Poll(), null, settings.PollInterval, settings.PollInterval)
            : null;

        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }

        lock (_gate)
        {
            _debounce?.Dispose();
        }
    }

    private FileSystemWatcher? StartWatcher(ClientsOptions settings)
    {
        try
        {
            // Note: a ConfigMap update renames the ..data link inside this folder, so watching the folder itself
            // (names included, hidden ones too) sees every swap; subfolders hold only the timestamped targets.
            var watcher = new FileSystemWatcher(settings.Directory)
            {
                IncludeSubdirectories = false,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite
                    | NotifyFilters.Size | NotifyFilters.CreationTime | NotifyFilters.Attributes,
            };
            watcher.Changed += (_, _) => Schedule("file events");
            watcher.Created += (_, _) => Schedule("file events");
            watcher.Deleted += (_, _) => Schedule("file events");
            watcher.Renamed += (_, _) => Schedule("file events");
            watcher.Error += (_, _) => Schedule("file events");
            watcher.EnableRaisingEvents = true;

            return watcher;
        }
        catch (Exception exception) when (exception is IOException or ArgumentException or PlatformNotSupportedException)
        {
            logger.WatcherFailed(settings.Directory, settings.PollInterval, exception);
            return null;
        }
    }

    private void Poll()
    {
        // Only a state not seen before schedules a reload: a change already waiting for its debounce must not
        // push the reload further out at every poll.
        var current = FolderFingerprint(options.Value.Directory);
        if (current != Interlocked.Exchange(ref _lastFingerprint, current))
        {
            Schedule("polling");
        }
    }

    private void Schedule(string source)
    {
        logger.ChangeDetected(options.Value.Directory, source);
        lock (_gate)
        {
            _debounce?.Dispose();
            _debounce = time.CreateTimer(_ => _ = Task.Run(ReloadAsync), null, options.Value.ReloadDebounce, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task ReloadAsync()
    {
        Volatile.Write(ref _lastFingerprint, FolderFingerprint(options.Value.Directory));
        await catalog.ReloadAsync();
    }

    private static string EntryFingerprint(string path)
    {
        try
        {
            return Definitions.DefinitionFile.Open(path).Fingerprint;
        }
        catch (IOException exception)
        {
            // A link loop or an entry that vanished mid-listing; its error shows at the reload this triggers.
            return exception.GetType().Name;
        }
    }

    /// <summary>Names, link targets, sizes and times of every definition entry: cheap to take, and changed by any edit.</summary>
    // Limitation: polling alone misses an edit that keeps both the size and the modification time (a restored mtime);
    // file events still see it where the platform delivers them.
    internal static string FolderFingerprint(string directory)
    {
        try
        {
            return string.Join('\n', Definitions.DefinitionFile.EnumerateIn(directory)
                .Select(path => path + "|" + EntryFingerprint(path)));
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
