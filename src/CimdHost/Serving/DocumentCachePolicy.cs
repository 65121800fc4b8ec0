using Microsoft.AspNetCore.OutputCaching;

namespace CimdHost.Serving;

/// <summary>
/// Output caching for documents: only 200 responses of canonical URLs are stored, keyed by the exact canonical target
/// and the client's revision, and tagged per client so a reload evicts what changed. Errors are never stored, and a
/// document is stored only when it is asked for again (<see cref="CacheAdmission"/>).
/// </summary>
/// <param name="admission">Which documents have been asked for before.</param>
/// <param name="enabled">False when <c>Clients:CacheSizeLimitMegabytes</c> is 0: every document is rendered.</param>
// Limitation: on by default although measured slower than no output cache: a hit costs about what rendering does,
// and a store about 50 us, mostly the 80 KB buffer the framework allocates per captured response (docs/performance.md).
internal sealed class DocumentCachePolicy(CacheAdmission admission, bool enabled) : IOutputCachePolicy
{
    public const string Name = "documents";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = DocumentRequests.Resolve(http);

        // Note: HEAD is answered by the handler every time: a stored HEAD response has no body, and the cache would
        // replay it with Content-Length: 0.
        if (!enabled || request?.Problem is not null || request?.Client is not { } client
            || HttpMethods.IsHead(http.Request.Method))
        {
            context.EnableOutputCaching = false;
            return ValueTask.CompletedTask;
        }

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = admission.SeenBefore(client.SourcePath, request.Target);
        context.AllowLocking = true;

        // The client is already chosen, so the Host header must not multiply entries; the key is what decides the bytes.
        context.CacheVaryByRules.VaryByHost = false;
        context.CacheVaryByRules.VaryByValues["client"] = client.SourcePath;
        context.CacheVaryByRules.VaryByValues["revision"] = client.Revision;
        context.CacheVaryByRules.VaryByValues["target"] = request.Target;
        context.Tags.Add(client.CacheTag);
        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(Math.Max(client.MaxAge, 1));

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (context.HttpContext.Response.StatusCode != StatusCodes.Status200OK)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
