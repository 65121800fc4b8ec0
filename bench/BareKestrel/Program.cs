using BareKestrel;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapMethods("/client.json", ConstantDocument.Methods, ConstantDocument.WriteAsync);

app.Run();
