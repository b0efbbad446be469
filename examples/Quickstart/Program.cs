using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quickstart;
using Tasks.Sdk;
using Tasks.Server;

// 1. A server, embedded in this process, with its SQLite file in a temporary folder.
var dataDirectory = Path.Combine(Path.GetTempPath(), "tasks-quickstart-" + Guid.NewGuid().ToString("N")[..8]);
await using var server = await EmbeddedTasksServer.StartAsync(o => o.DataDirectory = dataDirectory);
Console.WriteLine($"Server   {server.Address} (SQLite in {dataDirectory})");

// 2. A worker host that runs this project's [Task] methods, and the typed clients to trigger them.
var builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton<IImageStore, FakeImageStore>();
builder.Services.AddTasksClient(o =>
{
    o.ApiUrl = server.Address;
    o.SecretKey = server.SecretKey;
});
builder.Services.AddTasksWorker();
builder.Services.AddGeneratedTasks();
using var host = builder.Build();
await host.StartAsync();

// 3. A backend flow, as any service would write it with the generated client from DI.
var images = host.Services.GetRequiredService<IImageTasksClient>();
var greetings = host.Services.GetRequiredService<IFlakyTasksClient>();
using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
var ct = timeout.Token;

await Step("Trigger one run and read its typed output", async () =>
{
    RunHandle<Resized> run = await images.Resize.TriggerAsync(new Resize("https://example.com/cat.png", 200), new TriggerOptions { Tags = ["user:42"] }, ct);
    Console.WriteLine($"  triggered {run.Id}");
    Run<Resized> state = await run.WaitForCompletionAsync(ct);
    Console.WriteLine($"  {state.Id} {state.Status} after {state.AttemptCount} attempt(s): {state.Output}");
});

await Step("Batch-trigger 10 runs", async () =>
{
    var urls = Enumerable.Range(1, 10).Select(i => $"https://example.com/photo-{i}.png");
    BatchHandle<Resized> batch = await images.Resize.BatchTriggerAsync(urls.Select(u => new Resize(u, 100)), ct);
    Console.WriteLine($"  triggered batch {batch.Id} with {batch.RunCount} runs");
    var runs = await batch.WaitForCompletionAsync(ct);
    Console.WriteLine($"  {runs.Count(r => r.IsSuccess)} of {runs.Count} completed; first output: {runs[0].Output}");
});

await Step("A parent that waits on one child and on a batch of 20 children", async () =>
{
    var album = new Album("https://example.com/cover.png", Enumerable.Range(1, 20).Select(i => $"https://example.com/album/{i}.png").ToList());
    var parent = await images.ResizeAlbum.TriggerAsync(album, ct);
    var state = await parent.WaitForCompletionAsync(ct);
    Console.WriteLine($"  {state.Id} {state.Status}: {state.Output}");
    Console.WriteLine($"  it triggered {state.ChildRunIds.Count} child runs");
});

await Step("A task that fails twice and succeeds on its third attempt", async () =>
{
    var run = await greetings.Greet.TriggerAsync(new Greeting("Ada"), ct);
    var state = await run.WaitForCompletionAsync(ct);
    Console.WriteLine($"  {state.Id} {state.Status} after {state.AttemptCount} attempts: \"{state.Output}\"");
});

await host.StopAsync();
Directory.Delete(dataDirectory, recursive: true);
Console.WriteLine("Done.");

static async Task Step(string title, Func<Task> step)
{
    Console.WriteLine();
    Console.WriteLine($"== {title}");
    var clock = Stopwatch.StartNew();
    await step();
    Console.WriteLine($"  ({clock.ElapsedMilliseconds} ms)");
}
