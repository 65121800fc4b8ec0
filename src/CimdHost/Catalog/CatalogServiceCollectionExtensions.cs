using CimdHost.Validation;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CimdHost.Catalog;

internal static class CatalogServiceCollectionExtensions
{
    /// <summary>Registers the definition validator, the catalog of clients and the watcher that reloads it.</summary>
    public static IServiceCollection AddCatalog(this IServiceCollection services, IEnumerable<string> reservedPaths)
    {
        services.AddOptions<ClientsOptions>()
            .BindConfiguration(ClientsOptions.SectionName)
            .Validate(options => !string.IsNullOrWhiteSpace(options.Directory), "Clients:Directory must name a folder.")
            .Validate(options => options.DefaultMaxAge is >= 0 and <= Definitions.HostingReader.MaxMaxAge,
                "Clients:DefaultMaxAge must be from 0 to 31536000 seconds.")
            .Validate(options => options.CacheSizeLimitMegabytes >= 0,
                "Clients:CacheSizeLimitMegabytes must be 0 (no output cache) or more.")
            .Validate(options => Directory.Exists(options.Directory),
                "Clients:Directory names a folder that does not exist or cannot be read.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DefinitionValidator>();
        services.AddSingleton<CatalogLoader>();
        services.AddSingleton(new ReservedPaths(reservedPaths));
        services.AddSingleton<ClientCatalog>();
        services.AddHostedService<CatalogWatcher>();

        return services;
    }
}
