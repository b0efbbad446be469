using Tasks.Server;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddTasksServer(builder.Configuration);
var app = builder.Build();
app.MapTasksServer();
await app.RunAsync();
