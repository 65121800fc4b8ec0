using System.Diagnostics.Metrics;
using CimdHost.Serving;
using OpenTelemetry.Metrics;

namespace CimdHost.Management;

/// <summary>Metrics through OpenTelemetry, scraped in Prometheus text format at <c>/metrics</c> on the management listener.</summary>
internal static class ManagementMetrics
{
    public const string ScrapePath = "/metrics";

    /// <summary>Registers the CimdHost meter's instruments, ASP.NET Core's own, and the Prometheus exporter.</summary>
    public static IServiceCollection AddManagementMetrics(this IServiceCollection services)
    {
        services.AddSingleton<DocumentMetrics>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(DocumentMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0));
        services.ConfigureOpenTelemetryMeterProvider((provider, metrics) =>
            metrics.AddView(OwnMetersOnly(provider.GetRequiredService<IMeterFactory>())));

        return services;
    }

    /// <summary>
    /// Keeps out instruments of meters that another host's factory made. The listener behind OpenTelemetry sees every
    /// meter of the process by name, so two hosts in one process (as in tests) would otherwise report each other's counts.
    /// </summary>
    private static Func<Instrument, MetricStreamConfiguration?> OwnMetersOnly(IMeterFactory own) => instrument =>
        instrument.Meter.Scope is IMeterFactory factory && !ReferenceEquals(factory, own) ? MetricStreamConfiguration.Drop : null;

    /// <summary>Maps the Prometheus scrape endpoint; the caller makes it management-only.</summary>
    public static IEndpointConventionBuilder MapMetrics(this IEndpointRouteBuilder routes) =>
        routes.MapPrometheusScrapingEndpoint(ScrapePath).WithDisplayName("Prometheus metrics");

    /// <summary>
    /// Counts document requests by client and status. Goes before <c>UseOutputCache</c>, so documents replayed from the
    /// cache are counted too, and after routing, so only the document routes are counted.
    /// </summary>
    public static IApplicationBuilder UseDocumentMetrics(this IApplicationBuilder app)
    {
        var metrics = app.ApplicationServices.GetRequiredService<DocumentMetrics>();

        return app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<DocumentRouteMetadata>() is null)
            {
                await next(context);
                return;
            }

            var failed = true;
            try
            {
                await next(context);
                failed = false;
            }
            finally
            {
                metrics.Record(context, failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode);
            }
        });
    }
}
