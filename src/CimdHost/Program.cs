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

return 0;
