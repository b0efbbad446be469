using System.Text.Json.Nodes;
using Tasks.Sdk;

namespace Tasks.Integration.Tests;

[Collection(TasksCollection.Name)]
public sealed class TriggerTests(TasksFixture fixture)
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task A_triggered_run_completes_and_its_typed_output_is_read_through_the_handle()
    {
        var echo = fixture.Get<IEchoTasksClient>();

        RunHandle<Echo> handle = await echo.Echo.TriggerAsync(new Echo("Ada", 3), new TriggerOptions { Tags = ["user:42"] }, Timeout);
        Run<Echo> run = await handle.WaitForCompletionAsync(Timeout);

        Assert.StartsWith("run_", handle.Id);
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(new Echo("Hello, Ada", 3), run.Output);
        Assert.Equal(1, run.AttemptCount);
        Assert.Equal(["user:42"], run.Tags);
        Assert.NotNull(run.StartedAt);
        Assert.NotNull(run.FinishedAt);
    }

    [Fact]
    public async Task Static_tasks_and_tasks_without_output_run_too()
    {
        var sum = await fixture.Get<IMathTasksClient>().Add.TriggerAsync(new Numbers(2, 40), Timeout);
        RunHandle noOutput = await fixture.Get<IEchoTasksClient>().Record.TriggerAsync(new Echo("x", 1), Timeout);

        Assert.Equal(42, (await sum.WaitForCompletionAsync(Timeout)).Output);
        var run = await noOutput.WaitForCompletionAsync(Timeout);
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Null(run.OutputJson);
    }

    [Fact]
    public async Task The_task_context_carries_tags_and_metadata()
    {
        var options = new TriggerOptions { Tags = ["b", "a"], Metadata = new JsonObject { ["source"] = "test" } };

        var handle = await fixture.Get<IEchoTasksClient>().Describe.TriggerAsync("hi", options, Timeout);

        Assert.Equal("hi|a,b|test|root", (await handle.WaitForCompletionAsync(Timeout)).Output);
    }

    [Fact]
    public async Task A_batch_runs_every_item_and_keeps_item_order()
    {
        var math = fixture.Get<IMathTasksClient>();

        BatchHandle<int> batch = await math.Add.BatchTriggerAsync(Enumerable.Range(0, 10).Select(i => new Numbers(i, 100)), Timeout);
        var runs = await batch.WaitForCompletionAsync(Timeout);

        Assert.StartsWith("batch_", batch.Id);
        Assert.Equal(10, batch.RunCount);
        Assert.Equal(Enumerable.Range(100, 10), runs.Select(r => r.Output));
        Assert.All(runs, r => Assert.Equal(batch.Id, r.BatchId));
    }

    [Fact]
    public async Task A_second_trigger_with_the_same_idempotency_key_returns_the_same_run()
    {
        var echo = fixture.Get<IEchoTasksClient>();
        var options = new TriggerOptions { IdempotencyKey = "order-" + Guid.NewGuid() };

        var first = await echo.Echo.TriggerAsync(new Echo("once", 1), options, Timeout);
        var second = await echo.Echo.TriggerAsync(new Echo("once", 1), options, Timeout);
        await first.WaitForCompletionAsync(Timeout);

        Assert.Equal(first.Id, second.Id);
        Assert.False(first.IsCached);
        Assert.True(second.IsCached);
        Assert.Equal(1, Observed.Executions[$"{first.Id}#1"]);
    }

    [Fact]
    public async Task A_delayed_run_waits_as_DELAYED_then_runs()
    {
        var handle = await fixture.Get<IMathTasksClient>().Add.TriggerAsync(new Numbers(1, 1), new TriggerOptions { Delay = TimeSpan.FromMilliseconds(500) }, Timeout);

        var before = await handle.RetrieveAsync(Timeout);
        var after = await handle.WaitForCompletionAsync(Timeout);

        Assert.Equal(RunStatus.Delayed, before.Status);
        Assert.NotNull(before.DelayedUntil);
        Assert.Equal(RunStatus.Completed, after.Status);
        Assert.True(after.StartedAt >= before.DelayedUntil);
    }

    [Fact]
    public async Task Cancelling_a_delayed_run_means_it_never_runs()
    {
        var handle = await fixture.Get<IMathTasksClient>().Add.TriggerAsync(new Numbers(1, 2), new TriggerOptions { Delay = TimeSpan.FromMinutes(5) }, Timeout);

        await handle.CancelAsync(Timeout);
        var run = await handle.WaitForCompletionAsync(Timeout);

        Assert.Equal(RunStatus.Canceled, run.Status);
        Assert.Equal(0, run.AttemptCount);
    }

    [Fact]
    public async Task Cancelling_an_executing_run_fires_its_cancellation_token()
    {
        var handle = await fixture.Get<IMathTasksClient>().Sleep.TriggerAsync(new Sleep(60_000), Timeout);
        while ((await handle.RetrieveAsync(Timeout)).Status != RunStatus.Executing)
        {
            await Task.Delay(20, Timeout);
        }

        await handle.CancelAsync(Timeout);
        var run = await handle.WaitForCompletionAsync(Timeout);
        while (!Observed.SawCancellation.ContainsKey(handle.Id))
        {
            await Task.Delay(20, Timeout); // the worker learns it at its next heartbeat
        }

        Assert.Equal(RunStatus.Canceled, run.Status);
    }

    [Fact]
    public async Task Runs_of_a_limited_queue_never_exceed_its_concurrency_limit_and_each_attempt_runs_once()
    {
        var math = fixture.Get<IMathTasksClient>();

        var batch = await math.Limited.BatchTriggerAsync(Enumerable.Repeat(new Sleep(50), 12), Timeout);
        var runs = await batch.WaitForCompletionAsync(Timeout);

        Assert.All(runs, r => Assert.Equal(RunStatus.Completed, r.Status));
        Assert.InRange(Observed.LimitedMax, 1, 2);
        Assert.All(runs, r => Assert.Equal(1, Observed.Executions[$"{r.Id}#1"]));
    }
}
