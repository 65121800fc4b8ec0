using CimdHost.Catalog;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CimdHost.Serving;

internal static class ServingServiceCollectionExtensions
{
    /// <summary>
    /// Registers problem details and the output cache for documents, bounded by <c>Clients:CacheSizeLimitMegabytes</c>
    /// (0 turns it off).
    /// </summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddSingleton<CacheAdmission>();
        services.AddOutputCache();
        services.AddOptions<Microsoft.AspNetCore.OutputCaching.OutputCacheOptions>()
            .Configure<IOptions<ClientsOptions>, CacheAdmission>((cache, clients, admission) =>
            {
                var megabytes = clients.Value.CacheSizeLimitMegabytes;
                cache.AddPolicy(DocumentCachePolicy.Name, new DocumentCachePolicy(admission, enabled: megabytes > 0));
                cache.SizeLimit = Math.Max(megabytes, 1) * 1024L * 1024L;
                cache.MaximumBodySize = ClientCompiler.MaxDocumentBytes;
                cache.UseCaseSensitivePaths = true;
            });
        services.AddHostedService<DocumentCacheEvictor>();

        return services;
    }

    /// <summary>
    /// Headers every response gets, however it was produced (handler, output cache or error page): errors say
    /// <c>Cache-Control: no-store</c>, since CIMD -03 section 5.2 forbids ASes to cache them, and a 304 replayed by the
    /// output cache carries Last-Modified like one the handler writes, so both validators always come back.
    /// </summary>
    // Limitation: requests that Kestrel refuses before the application runs (an over-long request line or header,
    // a malformed Host, OPTIONS *) get Kestrel's empty error responses, not problem+json with no-store.
    public static IApplicationBuilder UseDocumentHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var response = context.Response;
            if (response.StatusCode >= StatusCodes.Status400BadRequest)
            {
                response.Headers.CacheControl = "no-store";
            }
            else if (response.StatusCode == StatusCodes.Status304NotModified
                && DocumentRequests.Find(context)?.Client is { } client
                && !response.Headers.ContainsKey(HeaderNames.LastModified))
            {
                response.Headers.LastModified = HeaderUtilities.FormatDate(client.LastModified);
            }

            return Task.CompletedTask;
        });

        return next(context);
    });
}
