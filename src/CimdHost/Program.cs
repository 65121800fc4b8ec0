using CimdHost.Catalog;
using CimdHost.Cli;
using CimdHost.Management;
using CimdHost.Serving;

// The command line: `CimdHost validate [DIR]` checks definitions without starting the service.
if (args is ["validate", .. var rest])
{
    return ValidateCommand.Run(rest, Console.Out, Console.Error);
}

// Note: settings files ship beside the binary; the working folder only anchors Clients:Directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});

// Two listeners: the public one for documents and health, the management one for everything else.
builder.AddManagement();
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

await app.RunAsync();

return 0;
