namespace CimdHost.Management;

// Event ids 3000-3099: the management listener (Swagger UI, OpenAPI, status, metrics). Ids are stable; never reuse a retired id.
internal static partial class ManagementLog
{
    [LoggerMessage(EventId = 3000, EventName = nameof(ManagementListening), Level = LogLevel.Information,
        Message = "The management listener answers on {ManagementUrls}: Swagger UI at /swagger, status at /clients, metrics at /metrics.")]
    public static partial void ManagementListening(this ILogger logger, string managementUrls);

    [LoggerMessage(EventId = 3001, EventName = nameof(ManagementDisabled), Level = LogLevel.Warning,
        Message = "Management:Urls is empty, so Swagger UI, /clients and /metrics answer on no listener.")]
    public static partial void ManagementDisabled(this ILogger logger);

    [LoggerMessage(EventId = 3002, EventName = nameof(ManagementEndpointRefused), Level = LogLevel.Debug,
        Message = "Refused {EndpointName} on the public listener (local port {LocalPort}); it answers on the management listener only.")]
    public static partial void ManagementEndpointRefused(this ILogger logger, string endpointName, int localPort);

    [LoggerMessage(EventId = 3003, EventName = nameof(OpenApiGenerated), Level = LogLevel.Debug,
        Message = "Described {ClientCount} clients in {PathCount} OpenAPI paths (catalog generation {Generation}).")]
    public static partial void OpenApiGenerated(this ILogger logger, int clientCount, int pathCount, long generation);

    [LoggerMessage(EventId = 3004, EventName = nameof(OpenApiPathShared), Level = LogLevel.Debug,
        Message = "The clients {ClientIds} share the path {ClientPath} on different hosts; one OpenAPI operation describes them all.")]
    public static partial void OpenApiPathShared(this ILogger logger, string clientIds, string clientPath);

    [LoggerMessage(EventId = 3005, EventName = nameof(OpenApiPathTaken), Level = LogLevel.Warning,
        Message = "The OpenAPI document already has the path {ClientPath}, so the client {ClientId} is left out of it.")]
    public static partial void OpenApiPathTaken(this ILogger logger, string clientPath, string clientId);
}
