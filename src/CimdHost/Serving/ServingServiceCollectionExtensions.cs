using CimdHost.Catalog;
using Microsoft.Extensions.Options;

namespace CimdHost.Serving;

internal static class ServingServiceCollectionExtensions
{
    /// <summary>Registers problem details and the output cache for documents, bounded by <c>Clients:CacheSizeLimitMegabytes</c>.</summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddOutputCache(options => options.AddPolicy(DocumentCachePolicy.Name, new DocumentCachePolicy()));
        services.AddOptions<Microsoft.AspNetCore.OutputCaching.OutputCacheOptions>()
            .Configure<IOptions<ClientsOptions>>((cache, clients) =>
            {
                cache.SizeLimit = clients.Value.CacheSizeLimitMegabytes * 1024L * 1024L;
                cache.MaximumBodySize = ClientCompiler.MaxDocumentBytes;
                cache.UseCaseSensitivePaths = true;
            });
        services.AddHostedService<DocumentCacheEvictor>();

        return services;
    }

    /// <summary>Every error response says <c>Cache-Control: no-store</c>: CIMD -03 section 5.2 forbids ASes to cache errors.</summary>
    public static IApplicationBuilder UseNoStoreForErrors(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode >= StatusCodes.Status400BadRequest)
            {
                context.Response.Headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });

        return next(context);
    });
}
