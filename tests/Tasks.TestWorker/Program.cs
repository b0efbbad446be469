using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddTasksWorker();
builder.Services.AddGeneratedTasks();
await builder.Build().RunAsync();
