// A backend that only triggers: no worker runs in this process. It triggers one run, a batch and a parent run through the
// generated IImageTasksClient, polls their handles until they finish, prints what came back, and exits 0 if all completed.
// It references only examples/Contracts: the IImageTasks contract, its records and its generated client, never the code
// that runs the tasks.
using System.Diagnostics;
using Examples.Images;
using Microsoft.Extensions.DependencyInjection;
using Tasks.Sdk;

var apiUrl = Environment.GetEnvironmentVariable("TRIGGER_API_URL");
if (string.IsNullOrWhiteSpace(apiUrl) || string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("TRIGGER_SECRET_KEY")))
{
    Console.Error.WriteLine("""
        The backend needs a server: set TRIGGER_API_URL and TRIGGER_SECRET_KEY, e.g.
          export TRIGGER_API_URL=http://127.0.0.1:5080
          export TRIGGER_SECRET_KEY=tr_dev_...   (the key the server prints at start)
        and start a worker (dotnet run --project examples/Worker) so the runs get executed. See examples/README.md.
        """);
    return 2;
}

var services = new ServiceCollection();
// TasksClient, configured from TRIGGER_API_URL / TRIGGER_SECRET_KEY, serializing through the contract's JSON context.
services.AddTasksClient(o => o.JsonSerializerOptions.TypeInfoResolver = ImageJsonContext.Default);
services.AddImageTasksClient(); // generated from the IImageTasks contract
await using var provider = services.BuildServiceProvider();
var images = provider.GetRequiredService<IImageTasksClient>();

// Runs wait in their queue until a worker leases them: without a worker this would wait forever, so give up after a while.
using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
var ct = timeout.Token;
Console.WriteLine($"Server {apiUrl}");
var allCompleted = true;

try
{
    await Step("One run (its URL fails once, so it retries)", async () =>
    {
        var handle = await images.Resize.TriggerAsync(
            new ResizeRequest("https://cdn.example.com/uploads/flaky-sunset.jpg", 640),
            new TriggerOptions { Tags = ["user:42", "upload"] },
            ct);
        Console.WriteLine($"  triggered {handle.Id}, waiting...");
        Run<Thumbnail> run = await handle.WaitForCompletionAsync(ct);
        Print(run);
    });

    await Step("A batch of 6 (queue \"images\" runs 2 at a time)", async () =>
    {
        var requests = Enumerable.Range(1, 6).Select(i => new ResizeRequest($"https://cdn.example.com/gallery/{i:00}.jpg", 480));
        var batch = await images.Resize.BatchTriggerAsync(requests, ct);
        Console.WriteLine($"  triggered batch {batch.Id} with {batch.RunCount} runs, waiting...");
        foreach (var run in await batch.WaitForCompletionAsync(ct))
        {
            Print(run);
        }
    });

    await Step("A parent that waits on a cover and on a batch of 8 photos", async () =>
    {
        var album = new AlbumRequest(
            "Lisbon 2025",
            "https://cdn.example.com/albums/lisbon/cover.jpg",
            Enumerable.Range(1, 8).Select(i => $"https://cdn.example.com/albums/lisbon/{i}.jpg").ToList());
        var handle = await images.ResizeAlbum.TriggerAsync(album, ct);
        Console.WriteLine($"  triggered {handle.Id}, waiting...");
        Run<AlbumResult> run = await handle.WaitForCompletionAsync(ct);
        Print(run);
        if (run.Output is { } result)
        {
            Console.WriteLine($"  album \"{result.Name}\": cover {result.Cover.Key}, {result.Thumbnails.Count} thumbnails, {result.TotalBytes:N0} bytes in all");
            Console.WriteLine($"  child runs: {string.Join(", ", run.ChildRunIds)}");
        }
    });
}
catch (OperationCanceledException) when (timeout.IsCancellationRequested)
{
    Console.Error.WriteLine("Gave up after 2 minutes: the runs were not finished. Is a worker running against the same server and key?");
    return 1;
}
catch (TasksApiException e) when (e.StatusCode == 0)
{
    // The SDK reports "no response" (connection refused, timeouts after retries) with status 0.
    Console.Error.WriteLine($"Could not reach the server at {apiUrl}: {e.Message}. Is it running?");
    return 1;
}
catch (TasksApiException e)
{
    Console.Error.WriteLine($"The server refused the call ({(int)e.StatusCode} {e.StatusCode}): {e.Message}");
    return 1;
}
catch (HttpRequestException e)
{
    Console.Error.WriteLine($"Could not reach the server at {apiUrl}: {e.Message}");
    return 1;
}

Console.WriteLine();
Console.WriteLine(allCompleted ? "All runs completed." : "Some runs did not complete.");
return allCompleted ? 0 : 1;

void Print<T>(Run<T> run)
{
    allCompleted &= run.IsSuccess;
    var queued = run.StartedAt - run.CreatedAt;
    var ran = run.FinishedAt - run.StartedAt;
    Console.WriteLine($"  {run.Id}  {run.TaskId}  {run.Status.ToWire()}  attempts={run.AttemptCount}  queued={Ms(queued)}  ran={Ms(ran)}");
    if (run.Output is Thumbnail t)
    {
        Console.WriteLine($"      -> {t.Key} ({t.Bytes:N0} bytes, {t.Width}px) on {t.Worker}");
    }
    else if (run.Error is { } error)
    {
        Console.WriteLine($"      !! {error.Message}");
    }
}

static string Ms(TimeSpan? span) => span is { } s ? $"{s.TotalMilliseconds:N0}ms" : "-";

static async Task Step(string title, Func<Task> step)
{
    Console.WriteLine();
    Console.WriteLine($"== {title}");
    var clock = Stopwatch.StartNew();
    await step();
    Console.WriteLine($"  ({clock.ElapsedMilliseconds:N0} ms end to end)");
}
