namespace CimdHost.Catalog;

// Event ids 1000-1099: the client catalog. Ids are stable; never reuse a retired id.
internal static partial class CatalogLog
{
    [LoggerMessage(EventId = 1000, EventName = nameof(CatalogLoaded), Level = LogLevel.Information,
        Message = "Loaded {ServedCount} clients from {Directory} ({RefusedCount} refused, generation {Generation}) in {ElapsedMilliseconds} ms.")]
    public static partial void CatalogLoaded(
        this ILogger logger,
        int servedCount,
        int refusedCount,
        string directory,
        long generation,
        long elapsedMilliseconds);

    [LoggerMessage(EventId = 1001, EventName = nameof(DefinitionRefused), Level = LogLevel.Warning,
        Message = "{Finding}")]
    public static partial void DefinitionRefused(this ILogger logger, string finding);

    [LoggerMessage(EventId = 1002, EventName = nameof(DefinitionWarned), Level = LogLevel.Warning,
        Message = "{Finding}")]
    public static partial void DefinitionWarned(this ILogger logger, string finding);

    [LoggerMessage(EventId = 1003, EventName = nameof(LastGoodKept), Level = LogLevel.Warning,
        Message = "{FilePath} has errors; its last good version stays served.")]
    public static partial void LastGoodKept(this ILogger logger, string filePath);

    [LoggerMessage(EventId = 1004, EventName = nameof(ReloadFailed), Level = LogLevel.Error,
        Message = "Reloading {Directory} failed; the previous clients stay served.")]
    public static partial void ReloadFailed(this ILogger logger, string directory, Exception exception);

    [LoggerMessage(EventId = 1005, EventName = nameof(ChangeDetected), Level = LogLevel.Debug,
        Message = "A change in {Directory} was detected by {Source}; reloading after the debounce delay.")]
    public static partial void ChangeDetected(this ILogger logger, string directory, string source);

    [LoggerMessage(EventId = 1006, EventName = nameof(WatcherFailed), Level = LogLevel.Warning,
        Message = "Change events for {Directory} are unavailable; polling every {PollInterval} instead.")]
    public static partial void WatcherFailed(this ILogger logger, string directory, TimeSpan pollInterval, Exception exception);
}
