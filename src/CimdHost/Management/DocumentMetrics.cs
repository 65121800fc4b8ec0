using System.Diagnostics.Metrics;
using CimdHost.Catalog;
using CimdHost.Serving;

namespace CimdHost.Management;

/// <summary>
/// The service's own instruments, on the meter <c>CimdHost</c>: document requests by client and status, output-cache
/// hits and misses, reloads, and how many definitions are in each state.
/// </summary>
internal sealed class DocumentMetrics
{
    public const string MeterName = "CimdHost";

    /// <summary>The client label of a request that named no client (unknown path, not ready, or another method).</summary>
    public const string NoClient = "none";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _cacheHits;
    private readonly Counter<long> _cacheMisses;

    public DocumentMetrics(IMeterFactory meterFactory, ClientCatalog catalog)
    {
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>("cimdhost.document.requests", "{request}",
            "Document requests, by client_id (as written, placeholders included) and response status.");
        _cacheHits = meter.CreateCounter<long>("cimdhost.document.cache.hits", "{request}",
            "Documents answered (200 or 304) from the output cache without rendering.");
        _cacheMisses = meter.CreateCounter<long>("cimdhost.document.cache.misses", "{request}",
            "Documents answered (200 or 304) by rendering them.");
        meter.CreateObservableCounter("cimdhost.catalog.reloads", () => (long)catalog.ReloadCount, "{reload}",
            "Loads of the clients folder that swapped in a new snapshot, the first load included.");
        meter.CreateObservableCounter("cimdhost.catalog.reload.failures", () => (long)catalog.ReloadFailures, "{reload}",
            "Loads of the clients folder that failed as a whole; the previous snapshot stayed served.");
        meter.CreateObservableGauge("cimdhost.catalog.definitions", () => Definitions(catalog.Current), "{definition}",
            "Definition files by state: served, served_last_good (the last good version is served) or refused.");
    }

    /// <summary>Counts one document request once its response status is known.</summary>
    public void Record(HttpContext context, int status)
    {
        var request = DocumentRequests.Find(context);
        var client = request?.Client?.ClientId ?? NoClient;
        _requests.Add(1, new("client", client), new("status", status));
        if (request is not { Client: not null, Problem: null } || status is not (StatusCodes.Status200OK or StatusCodes.Status304NotModified))
        {
            return;
        }

        // The handler marks what it rendered; a served document it did not render was replayed by the output cache.
        var counter = context.Items.ContainsKey(DocumentEndpoints.RenderedKey) ? _cacheMisses : _cacheHits;
        counter.Add(1, new KeyValuePair<string, object?>("client", client));
    }

    private static Measurement<int>[] Definitions(CatalogSnapshot snapshot)
    {
        int served = 0, lastGood = 0, refused = 0;
        foreach (var definition in snapshot.Definitions)
        {
            switch (definition.State)
            {
                case DefinitionState.Served:
                    served++;
                    break;
                case DefinitionState.ServedLastGood:
                    lastGood++;
                    break;
                default:
                    refused++;
                    break;
            }
        }

        return
        [
            new(served, new KeyValuePair<string, object?>("state", DefinitionStateNames.Served)),
            new(lastGood, new KeyValuePair<string, object?>("state", DefinitionStateNames.ServedLastGood)),
            new(refused, new KeyValuePair<string, object?>("state", DefinitionStateNames.Refused)),
        ];
    }
}
