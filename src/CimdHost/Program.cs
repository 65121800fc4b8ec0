using CimdHost.Catalog;
using CimdHost.Cli;
using CimdHost.Management;
using CimdHost.Serving;
using Microsoft.Extensions.Options;

// The command line: `CimdHost validate [DIR]` checks definitions without starting the service.
if (CommandLine.TryRun(args, out var exitCode))
{
    return exitCode;
}

// Note: settings files ship beside the binary; the working folder only anchors Clients:Directory.
// Limitation: a fresh process costs up to three times its settled CPU per request for its first 30-60 s of load,
// while .NET's tiered JIT and dynamic PGO optimise the hot paths (docs/performance.md).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});

// Two listeners: the public one for documents and health, the management one for everything else.
try
{
    builder.AddManagement();
}
catch (InvalidOperationException exception)
{
    Console.Error.WriteLine($"CimdHost: {exception.Message}");
    return 1;
}

builder.Services.AddCatalog(ManagementEndpoints.ReservedPaths);
builder.Services.AddDocuments();

var app = builder.Build();

// Limitation: every layer below runs for every document; with them CimdHost costs about 1.6x bare Kestrel's CPU
// per document with the output cache off and 2.2x as shipped (docs/performance.md), its own code about 2.5 us.
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDocumentHeaders();
app.UseRouting();
app.UseManagementListener();
app.UseDocumentMetrics();
app.UseOutputCache();

app.MapManagement();
app.MapDocuments();

try
{
    await app.RunAsync();
}
catch (OptionsValidationException exception)
{
    // A misconfiguration (such as a Clients:Directory that does not exist) is a clear message, not a stack trace.
    Console.Error.WriteLine($"CimdHost: {string.Join(" ", exception.Failures)}");
    return 1;
}
catch (InvalidOperationException exception) when (exception.InnerException is FormatException or OverflowException
    or ArgumentException)
{
    // A setting that is not of its type (Clients:CacheSizeLimitMegabytes=abc) fails to bind; say which, and exit.
    Console.Error.WriteLine($"CimdHost: {exception.Message}");
    return 1;
}

return 0;
