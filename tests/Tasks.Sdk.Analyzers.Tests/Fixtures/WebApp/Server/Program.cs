var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorComponents().AddInteractiveWebAssemblyComponents();
builder.Services.AddTasksClient();
var app = builder.Build();
app.MapPost("/reports", () => Results.Accepted());
app.Run();
