using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tasks.Sdk;

namespace Tasks.Integration.Tests;

/// <summary>The run engine's rules through the C# SDK: listing, replay, reschedule, keys, queues, cancel cascades, environments, limits.</summary>
[Collection(TasksCollection.Name)]
public sealed class EngineTests(TasksFixture fixture)
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    private IEngineTasksClient Engine => fixture.Get<IEngineTasksClient>();

    private TasksClient Client => fixture.Get<TasksClient>();

    [Fact]
    public async Task Listing_filters_by_tag_and_status_and_pages_through_every_run()
    {
        var tag = "list-" + Guid.NewGuid().ToString("N")[..8];
        var triggered = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var handle = await fixture.Get<IMathTasksClient>().Add.TriggerAsync(new Numbers(i, i), new TriggerOptions { Tags = [tag] }, Timeout);
            await handle.WaitForCompletionAsync(Timeout);
            triggered.Add(handle.Id);
        }

        var listed = await Client.ListRunsAsync(new RunQuery { Tags = [tag], PageSize = 2 }, Timeout).ToListAsync(Timeout);
        var completed = await Client.ListRunsAsync(new RunQuery { Tags = [tag], Statuses = [RunStatus.Completed], TaskIds = ["add"] }, Timeout).ToListAsync(Timeout);
        var failed = await Client.ListRunsAsync(new RunQuery { Tags = [tag], Statuses = [RunStatus.Failed] }, Timeout).ToListAsync(Timeout);

        Assert.Equal(Enumerable.Reverse(triggered), listed.Select(r => r.Id)); // newest first, across three pages
        Assert.Equal(5, completed.Count);
        Assert.Empty(failed);
    }

    [Fact]
    public async Task Replay_runs_the_same_payload_again_and_reschedule_moves_a_delayed_run()
    {
        var math = fixture.Get<IMathTasksClient>();
        var original = await math.Add.TriggerAsync(new Numbers(4, 5), Timeout);
        await original.WaitForCompletionAsync(Timeout);

        var replay = await original.ReplayAsync(Timeout);
        var delayed = await math.Add.TriggerAsync(new Numbers(1, 1), new TriggerOptions { Delay = TimeSpan.FromHours(1) }, Timeout);
        var rescheduled = await delayed.RescheduleAsync(TimeSpan.FromMilliseconds(100), Timeout);

        Assert.NotEqual(original.Id, replay.Id);
        Assert.Equal(9, (await replay.WaitForCompletionAsync(Timeout)).Output);
        Assert.Equal(RunStatus.Delayed, rescheduled.Status);
        Assert.True(rescheduled.DelayedUntil < DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(RunStatus.Completed, (await delayed.WaitForCompletionAsync(Timeout)).Status);
        var error = await Assert.ThrowsAsync<TasksApiException>(() => original.RescheduleAsync(TimeSpan.FromMinutes(1), Timeout));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.StatusCode);
    }

    [Fact]
    public async Task Resetting_an_idempotency_key_lets_the_next_trigger_make_a_new_run()
    {
        var key = "reset-" + Guid.NewGuid();
        var options = new TriggerOptions { IdempotencyKey = key };
        var add = fixture.Get<IMathTasksClient>().Add;

        var first = await add.TriggerAsync(new Numbers(1, 2), options, Timeout);
        await Client.ResetIdempotencyKeyAsync("add", key, cancellationToken: Timeout);
        var second = await add.TriggerAsync(new Numbers(1, 2), options, Timeout);

        Assert.NotEqual(first.Id, second.Id);
        Assert.False(second.IsCached);
    }

    [Fact]
    public async Task A_concurrency_key_gives_each_key_its_own_copy_of_the_limit()
    {
        var batch = await Engine.PerKey.BatchTriggerAsync(
            Enumerable.Range(0, 8).Select(i => new Keyed(i % 2 == 0 ? "a" : "b", 40)),
            Timeout);
        var runs = await batch.WaitForCompletionAsync(Timeout);
        var perKey = new[] { "x", "y", "x", "y", "x", "y" };
        var handles = new List<RunHandle<int>>();
        foreach (var key in perKey)
        {
            handles.Add(await Engine.PerKey.TriggerAsync(new Keyed(key, 40), new TriggerOptions { ConcurrencyKey = key }, Timeout));
        }

        foreach (var handle in handles)
        {
            await handle.WaitForCompletionAsync(Timeout);
        }

        Assert.All(runs, r => Assert.Equal(RunStatus.Completed, r.Status));
        Assert.Equal(1, EngineTasks.PerKeyMax["a"]);
        Assert.Equal(1, EngineTasks.PerKeyMax["x"]);
        Assert.Equal(1, EngineTasks.PerKeyMax["y"]);
    }

    [Fact]
    public async Task Priority_moves_a_run_ahead_in_its_queue()
    {
        var blocker = await Engine.Ordered.TriggerAsync(new Ordered("blocker", 400), Timeout);
        while ((await blocker.RetrieveAsync(Timeout)).Status != RunStatus.Executing)
        {
            await Task.Delay(10, Timeout);
        }

        var normal = await Engine.Ordered.TriggerAsync(new Ordered("normal", 1), Timeout);
        var urgent = await Engine.Ordered.TriggerAsync(new Ordered("urgent", 1), new TriggerOptions { Priority = TimeSpan.FromMinutes(1) }, Timeout);
        await normal.WaitForCompletionAsync(Timeout);
        await urgent.WaitForCompletionAsync(Timeout);

        Assert.Equal(["blocker", "urgent", "normal"], EngineTasks.StartOrder.ToArray());
    }

    [Fact]
    public async Task A_retried_parent_gets_its_idempotent_child_back_instead_of_running_it_again()
    {
        var marker = "child-" + Guid.NewGuid().ToString("N")[..8];

        var parent = await (await Engine.RetryingParent.TriggerAsync(marker, Timeout)).WaitForCompletionAsync(Timeout);

        Assert.Equal(RunStatus.Completed, parent.Status);
        Assert.Equal(2, parent.AttemptCount);
        Assert.Equal(marker + "!", parent.Output);
        Assert.Equal(1, EngineTasks.ChildRuns[marker]);
    }

    [Fact]
    public async Task Cancelling_a_waiting_parent_cancels_the_child_it_waits_on()
    {
        var parent = await Engine.WaitsOnSlow.TriggerAsync(60_000, Timeout);
        Run state;
        while ((state = await parent.RetrieveAsync(Timeout)).Status != RunStatus.Waiting || state.ChildRunIds.Count == 0)
        {
            await Task.Delay(10, Timeout);
        }

        await parent.CancelAsync(Timeout);
        var child = await Client.GetHandle(state.ChildRunIds[0]).WaitForCompletionAsync(Timeout);

        Assert.Equal(RunStatus.Canceled, (await parent.WaitForCompletionAsync(Timeout)).Status);
        Assert.Equal(RunStatus.Canceled, child.Status);
    }

    [Fact]
    public async Task A_task_adds_tags_and_metadata_to_its_own_run()
    {
        var run = await (await Engine.DescribeSelf.TriggerAsync("acme", new TriggerOptions { Tags = ["first"] }, Timeout)).WaitForCompletionAsync(Timeout);

        Assert.Equal(["customer:acme", "first"], run.Tags);
        Assert.Equal(50, run.Metadata!["progress"]!.GetValue<int>());
        Assert.Equal(3, run.Metadata["steps"]!.GetValue<double>());
    }

    [Fact]
    public async Task Metadata_over_256_KiB_and_idempotency_keys_over_2048_characters_are_refused()
    {
        using var http = fixture.Http();
        var metadata = JsonSerializer.Serialize(new { payload = new { a = 1, b = 2 }, options = new { metadata = new { blob = new string('m', 257 * 1024) } } });
        var key = JsonSerializer.Serialize(new { payload = new { a = 1, b = 2 }, options = new { idempotencyKey = new string('k', 2049) } });

        var tooMuchMetadata = await http.PostAsync("api/v1/tasks/add/trigger", new StringContent(metadata, Encoding.UTF8, "application/json"), Timeout);
        var tooLongKey = await http.PostAsync("api/v1/tasks/add/trigger", new StringContent(key, Encoding.UTF8, "application/json"), Timeout);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMuchMetadata.StatusCode);
        Assert.Contains("256 KiB", (await tooMuchMetadata.Content.ReadFromJsonAsync<JsonObject>(Timeout))!["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, tooLongKey.StatusCode);
        Assert.Contains("2048", (await tooLongKey.Content.ReadFromJsonAsync<JsonObject>(Timeout))!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_key_never_sees_another_environments_runs()
    {
        var devRun = await fixture.Get<IMathTasksClient>().Add.TriggerAsync(new Numbers(1, 1), Timeout);
        using var prod = fixture.Http(TasksFixture.ProductionKey);
        using var dev = fixture.Http();

        var fromProd = await prod.GetAsync($"api/v3/runs/{devRun.Id}", Timeout);
        var cancelFromProd = await prod.PostAsync($"api/v2/runs/{devRun.Id}/cancel", null, Timeout);
        var prodList = await prod.GetFromJsonAsync<JsonObject>("api/v1/runs?page[size]=100", Timeout);
        var fromDev = await dev.GetAsync($"api/v3/runs/{devRun.Id}", Timeout);

        Assert.Equal(HttpStatusCode.NotFound, fromProd.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancelFromProd.StatusCode);
        Assert.DoesNotContain(prodList!["data"]!.AsArray(), r => r!["id"]!.GetValue<string>() == devRun.Id);
        Assert.Equal(HttpStatusCode.OK, fromDev.StatusCode);
    }

    [Fact]
    public async Task A_public_access_token_reads_its_run_and_nothing_else()
    {
        var handle = await fixture.Get<IMathTasksClient>().Add.TriggerAsync(new Numbers(2, 3), Timeout);
        var other = await fixture.Get<IMathTasksClient>().Add.TriggerAsync(new Numbers(3, 3), Timeout);
        using var withToken = fixture.Http(handle.PublicAccessToken);

        var own = await withToken.GetAsync($"api/v3/runs/{handle.Id}", Timeout);
        var notOwn = await withToken.GetAsync($"api/v3/runs/{other.Id}", Timeout);
        var trigger = await withToken.PostAsync("api/v1/tasks/add/trigger", new StringContent("""{"payload":{"a":1,"b":1}}""", Encoding.UTF8, "application/json"), Timeout);

        Assert.NotNull(handle.PublicAccessToken);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notOwn.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, trigger.StatusCode);
    }
}
