using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace CimdHost.Catalog;

/// <summary>
/// The clients being served. Readers take <see cref="Current"/> once per request and never lock; a reload builds a
/// whole new snapshot off to the side and swaps it in with one reference write.
/// </summary>
internal sealed class ClientCatalog : IDisposable
{
    private readonly CatalogLoader _loader;
    private readonly IOptions<ClientsOptions> _options;
    private readonly ILogger<ClientCatalog> _logger;
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private readonly TaskCompletionSource _firstLoad = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile CatalogSnapshot _current = CatalogSnapshot.Empty;

    public ClientCatalog(
        CatalogLoader loader,
        IOptions<ClientsOptions> options,
        ReservedPaths reservedPaths,
        ILogger<ClientCatalog> logger)
    {
        _loader = loader;
        _options = options;
        _logger = logger;
        ReservedPaths = reservedPaths;
    }

    /// <summary>Raised after each swap with the old and the new snapshot.</summary>
    public event Action<CatalogSnapshot, CatalogSnapshot>? Changed;

    public CatalogSnapshot Current => _current;

    public ReservedPaths ReservedPaths { get; }

    public bool IsReady => _firstLoad.Task.IsCompleted;

    /// <summary>Completes when a load has succeeded; until then <c>/readyz</c> answers 503.</summary>
    public Task FirstLoad => _firstLoad.Task;

    public int ReloadCount { get; private set; }

    public int ReloadFailures { get; private set; }

    public string Directory => _options.Value.Directory;

    /// <summary>Loads the folder and swaps the snapshot; on failure the previous snapshot stays and the error is logged.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await _reloading.WaitAsync(cancellationToken);
        try
        {
            var options = _options.Value;
            var stopwatch = Stopwatch.StartNew();
            var previous = _current;
            CatalogSnapshot next;
            try
            {
                next = _loader.Load(options.Directory, options.DefaultMaxAge, ReservedPaths, previous);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                ReloadFailures++;
                _logger.ReloadFailed(options.Directory, exception);
                return;
            }

            _current = next;
            ReloadCount++;
            Report(previous, next, stopwatch.ElapsedMilliseconds);
            Changed?.Invoke(previous, next);
            _firstLoad.TrySetResult();
        }
        finally
        {
            _reloading.Release();
        }
    }

    private void Report(CatalogSnapshot previous, CatalogSnapshot next, long elapsedMilliseconds)
    {
        var before = previous.Definitions.ToDictionary(status => status.Path, StringComparer.Ordinal);
        foreach (var status in next.Definitions)
        {
            // Findings are logged when they are new, not on every reload of an unchanged file.
            if (before.TryGetValue(status.Path, out var old) && old.Findings.SequenceEqual(status.Findings))
            {
                continue;
            }

            foreach (var finding in status.Findings)
            {
                if (finding.IsError)
                {
                    _logger.DefinitionRefused(finding.ToString());
                }
                else
                {
                    _logger.DefinitionWarned(finding.ToString());
                }
            }

            if (status.State == DefinitionState.ServedLastGood)
            {
                _logger.LastGoodKept(status.Path);
            }
        }

        var refused = next.Definitions.Count(status => status.State == DefinitionState.Refused);
        _logger.CatalogLoaded(next.Clients.Count, refused, _options.Value.Directory, next.Generation, elapsedMilliseconds);
    }

    public void Dispose() => _reloading.Dispose();
}
