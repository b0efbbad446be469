// The worker process: it connects to the server, registers the image tasks, leases their runs and executes them until
// Ctrl+C. Where the server is comes from TRIGGER_API_URL and TRIGGER_SECRET_KEY (environment, or any configuration source).
using Examples.Images;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Information);
builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
builder.Logging.AddFilter("Polly", LogLevel.Warning);
builder.Logging.AddSimpleConsole(o =>
{
    o.SingleLine = true;
    o.TimestampFormat = "HH:mm:ss.fff ";
});

if (string.IsNullOrWhiteSpace(builder.Configuration["TRIGGER_API_URL"]) || string.IsNullOrWhiteSpace(builder.Configuration["TRIGGER_SECRET_KEY"]))
{
    Console.Error.WriteLine("The worker needs a server: set TRIGGER_API_URL (e.g. http://127.0.0.1:5080) and TRIGGER_SECRET_KEY (the tr_dev_… key the server prints). See examples/README.md.");
    return 2;
}

// Payloads and outputs go through the contract's source-generated JSON context: no reflection, so the worker can be trimmed.
builder.Services.AddTasksClient(o => o.JsonSerializerOptions.TypeInfoResolver = ImageJsonContext.Default);
builder.Services.AddTasksWorker(o => o.MaxConcurrency = 8);
builder.Services.AddImageProcessing(); // IImageTasks implemented by ImageTasks, plus what it needs

using var host = builder.Build();
await host.RunAsync(); // until Ctrl+C / SIGTERM; runs in flight are cancelled and retried elsewhere
return 0;
