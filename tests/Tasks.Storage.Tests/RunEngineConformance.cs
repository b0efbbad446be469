using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tasks.Sdk.Protocol;
using Tasks.Server.Engine;
using Tasks.Server.Hosting;
using Tasks.Server.Storage;

namespace Tasks.Storage.Tests;

/// <summary>
/// The run engine's rules over one store. Every backend runs this same suite unchanged (see the subclasses): trigger, batch,
/// lease, contention between workers, lease expiry, retries, delay, TTL, idempotency, concurrency limits and keys, waits and
/// resumes, cancel, list and pagination. The clock is fake: nothing sleeps.
/// </summary>
public abstract class RunEngineConformance : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private IRunStore? _store;

    internal FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    internal RunEngine Engine { get; private set; } = null!;

    internal EnvironmentRecord Env { get; private set; } = null!;

    internal abstract Task<IRunStore> CreateStoreAsync();

    public async Task InitializeAsync()
    {
        _store = await CreateStoreAsync();
        await _store.InitializeAsync(CancellationToken.None);
        Env = new EnvironmentRecord("env_" + Guid.NewGuid().ToString("N")[..8], "dev", "tr_dev_" + Guid.NewGuid().ToString("N")[..24]);
        await _store.WriteAsync(async tx =>
        {
            await tx.InsertEnvironmentAsync(Env);
            return 0;
        }, CancellationToken.None);
        Engine = new RunEngine(_store, new RunSignals(), Clock, Options.Create(new TasksServerOptions { LeaseDuration = Lease }));
        await Engine.RegisterTasksAsync(Env, new RegisterWorkerRequest("setup",
        [
            Registration("work", "work"),
            Registration("limited", "limited", concurrencyLimit: 2),
            Registration("solo", "solo", concurrencyLimit: 1),
        ]), CancellationToken.None);
    }

    public virtual async Task DisposeAsync()
    {
        if (_store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_triggered_run_is_leased_once_and_completes()
    {
        var id = await TriggerAsync("work");

        var leased = await LeaseAsync("w1", "work");
        var again = await LeaseAsync("w2", "work");
        await CompleteAsync("w1", leased.Single(), output: "42");

        Assert.Equal(id, leased.Single().RunId);
        Assert.Equal(1, leased.Single().Attempt);
        Assert.Empty(again);
        var run = await RetrieveAsync(id);
        Assert.Equal("COMPLETED", run.Status);
        Assert.Equal(42, run.Output!.Value.GetInt32());
    }

    [Fact]
    public async Task Workers_leasing_at_once_never_get_the_same_run()
    {
        var ids = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            ids.Add(await TriggerAsync("work"));
        }

        var leases = await Task.WhenAll(Enumerable.Range(0, 8).Select(w => LeaseAsync($"w{w}", "work", max: 10)));
        var leased = leases.SelectMany(l => l).Select(r => r.RunId).ToList();

        Assert.Equal(leased.Count, leased.Distinct().Count());
        Assert.Equal(ids.Order(), leased.Order());
    }

    [Fact]
    public async Task Batch_items_streamed_twice_or_repeated_create_one_run_per_index()
    {
        var batch = await Engine.CreateBatchAsync(Env, new CreateBatchRequest { RunCount = 3 }, null, CancellationToken.None);

        var first = await Engine.AddBatchItemsAsync(Env, batch.Id, [new BatchItem(0, "work", Json("0")), new BatchItem(1, "work", Json("1")), new BatchItem(1, "work", Json("1"))], CancellationToken.None);
        var retried = await Engine.AddBatchItemsAsync(Env, batch.Id, [new BatchItem(1, "work", Json("1")), new BatchItem(2, "work", Json("2"))], CancellationToken.None);

        Assert.Equal((2, 1, false), (first.ItemsAccepted, first.ItemsDeduplicated, first.Sealed));
        Assert.Equal((1, 1, true), (retried.ItemsAccepted, retried.ItemsDeduplicated, retried.Sealed));
        var leased = await LeaseAsync("w", "work", max: 10);
        Assert.Equal(["0", "1", "2"], leased.Select(r => r.Payload).Order());
    }

    [Fact]
    public async Task Writes_at_once_stand_alone_and_a_failing_one_leaves_nothing_behind()
    {
        // Stores may commit concurrent writes together (SQLite does, in groups): each must still succeed or fail on its own.
        var batch = await Engine.CreateBatchAsync(Env, new CreateBatchRequest { RunCount = 3 }, null, CancellationToken.None);
        var writes = Enumerable.Range(0, 40).Select(i => i % 4 == 0
            ? Engine.AddBatchItemsAsync(Env, batch.Id, [new BatchItem(0, "work", Json("0")), new BatchItem(1, "work", Json("1")), new BatchItem(99, "work", Json("99"))], CancellationToken.None)
            : (Task)Engine.TriggerAsync(Env, "work", new TriggerTaskRequest(Json($"{i}")), null, CancellationToken.None)).ToList();

        foreach (var (write, i) in writes.Select((w, i) => (w, i)))
        {
            if (i % 4 == 0)
            {
                await Assert.ThrowsAsync<ApiProblem>(() => write);
            }
            else
            {
                await write;
            }
        }

        var leased = await LeaseAsync("w", "work", max: 100);
        Assert.Equal(30, leased.Count);
        Assert.DoesNotContain(leased, r => r.Payload is "0" or "99");
        Assert.Empty((await Engine.RetrieveBatchAsync(Env, batch.Id, CancellationToken.None)).Runs);
    }

    [Fact]
    public async Task A_run_whose_lease_expires_is_retried_as_the_next_attempt()
    {
        var id = await TriggerAsync("work");
        await LeaseAsync("dead-worker", "work");

        Clock.Advance(Lease - TimeSpan.FromSeconds(1));
        await Engine.SweepAsync(CancellationToken.None);
        var whileAlive = await LeaseAsync("w2", "work");
        Clock.Advance(TimeSpan.FromSeconds(2));
        await Engine.SweepAsync(CancellationToken.None);
        Clock.Advance(TimeSpan.FromSeconds(2)); // the retry's backoff
        var retried = await LeaseAsync("w2", "work");

        Assert.Empty(whileAlive);
        Assert.Equal(id, retried.Single().RunId);
        Assert.Equal(2, retried.Single().Attempt);
    }

    [Fact]
    public async Task A_failed_attempt_is_retried_after_its_backoff_then_fails_for_good()
    {
        var id = await TriggerAsync("work");
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var leased = await LeaseAsync("w", "work");
            Assert.Equal(attempt, leased.Single().Attempt);
            await FailAsync("w", leased.Single());
            Assert.Empty(await LeaseAsync("w", "work")); // not before its backoff
            Clock.Advance(TimeSpan.FromSeconds(10));
        }

        var run = await RetrieveAsync(id);
        Assert.Equal("FAILED", run.Status);
        Assert.Equal(3, run.AttemptCount);
        Assert.Equal("boom", run.Error!.Message);
    }

    [Fact]
    public async Task A_delayed_run_waits_until_due_and_an_unstarted_run_expires_after_its_ttl()
    {
        var delayed = await TriggerAsync("work", new TriggerRequestOptions { Delay = "1h" });
        var expiring = await TriggerAsync("solo", new TriggerRequestOptions { Ttl = "10m" });
        var blocker = await TriggerAsync("solo");
        _ = blocker;

        Assert.Equal("DELAYED", (await RetrieveAsync(delayed)).Status);
        Assert.Empty(await LeaseAsync("w", "work"));
        Clock.Advance(TimeSpan.FromMinutes(11));
        await Engine.SweepAsync(CancellationToken.None);
        Assert.Equal("EXPIRED", (await RetrieveAsync(expiring)).Status);
        Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(delayed, (await LeaseAsync("w", "work")).Single().RunId);
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_same_run_even_when_triggered_at_once()
    {
        var options = new TriggerRequestOptions { IdempotencyKey = "k-" + Guid.NewGuid() };

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Engine.TriggerAsync(Env, "work", new TriggerTaskRequest(Json("1"), options), requestKey: null, CancellationToken.None)));

        Assert.Single(responses.Select(r => r.Id).Distinct());
        Assert.Equal(5, responses.Count(r => r.IsCached == true));
    }

    [Fact]
    public async Task Concurrency_limits_and_keys_bound_what_is_leased()
    {
        for (var i = 0; i < 5; i++)
        {
            await TriggerAsync("limited");
        }

        for (var i = 0; i < 4; i++)
        {
            await TriggerAsync("solo", new TriggerRequestOptions { ConcurrencyKey = i % 2 == 0 ? "a" : "b" });
        }

        var limited = await Task.WhenAll(Enumerable.Range(0, 4).Select(w => LeaseAsync($"w{w}", "limited", max: 5)));
        var solo = await LeaseAsync("w", "solo", max: 10);

        Assert.Equal(2, limited.Sum(l => l.Count));
        Assert.Equal(2, solo.Count); // one per concurrency key
        await CompleteAsync("w0", limited.First(l => l.Count > 0)[0]);
        Assert.Single(await LeaseAsync("w9", "limited", max: 5));
    }

    [Fact]
    public async Task A_waiting_parent_frees_its_slot_and_resumes_with_its_childrens_results_in_order()
    {
        var parentId = await TriggerAsync("solo");
        var parent = (await LeaseAsync("w", "solo")).Single();

        var child = await Engine.TriggerAsync(Env, "solo", new TriggerTaskRequest(Json("7"), new TriggerRequestOptions { ParentRunId = parentId, ResumeParentOnCompletion = true }), null, CancellationToken.None);
        Assert.Equal("WAITING", (await RetrieveAsync(parentId)).Status);
        Assert.Equal("pending", (await ResumeAsync("w", parentId)).State);
        var leasedChild = (await LeaseAsync("w", "solo")).Single(); // the parent's slot is free
        await CompleteAsync("w", leasedChild, output: "70");
        var resumed = await ResumeAsync("w", parentId);

        Assert.Equal(child.Id, leasedChild.RunId);
        Assert.Equal("resumed", resumed.State);
        Assert.Equal("70", resumed.Results!.Single().Output);
        Assert.Equal("EXECUTING", (await RetrieveAsync(parentId)).Status);

        var batch = await Engine.CreateBatchAsync(Env, new CreateBatchRequest { RunCount = 3, ParentRunId = parentId, ResumeParentOnCompletion = true }, null, CancellationToken.None);
        await Engine.AddBatchItemsAsync(Env, batch.Id, [.. Enumerable.Range(0, 3).Select(i => new BatchItem(i, "work", Json($"{i}")))], CancellationToken.None);
        foreach (var run in (await LeaseAsync("w", "work", max: 3)).OrderByDescending(r => r.Payload))
        {
            await CompleteAsync("w", run, output: run.Payload);
        }

        var afterBatch = await ResumeAsync("w", parentId);
        Assert.Equal(["0", "1", "2"], afterBatch.Results!.Select(r => r.Output));
        _ = parent;
    }

    [Fact]
    public async Task Cancelling_a_waiting_parent_cancels_the_children_it_waits_on()
    {
        var parentId = await TriggerAsync("work");
        await LeaseAsync("w", "work");
        var child = await Engine.TriggerAsync(Env, "work", new TriggerTaskRequest(Json("1"), new TriggerRequestOptions { ParentRunId = parentId, ResumeParentOnCompletion = true }), null, CancellationToken.None);
        var queued = await TriggerAsync("work", new TriggerRequestOptions { Delay = "1h" });

        await Engine.CancelAsync(Env, parentId, CancellationToken.None);
        await Engine.CancelAsync(Env, queued, CancellationToken.None);

        Assert.Equal("CANCELED", (await RetrieveAsync(parentId)).Status);
        Assert.Equal("CANCELED", (await RetrieveAsync(child.Id)).Status);
        Assert.Equal("CANCELED", (await RetrieveAsync(queued)).Status);
        Assert.Equal("canceled", (await ResumeAsync("w", parentId)).State);
    }

    [Fact]
    public async Task Listing_filters_and_pages_newest_first()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await TriggerAsync("work", new TriggerRequestOptions { Tags = ["listed", $"n{i}"] }));
            Clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        await TriggerAsync("limited", new TriggerRequestOptions { Tags = ["other"] });
        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = await Engine.ListRunsAsync(Env, new RunFilter { Tags = ["listed"], Size = 2, After = after }, CancellationToken.None);
            seen.AddRange(page.Data.Select(r => r.Id));
            after = page.Pagination.Next;
        }
        while (after is not null);

        var byTask = await Engine.ListRunsAsync(Env, new RunFilter { TaskIds = ["limited"], Statuses = ["QUEUED"] }, CancellationToken.None);
        Assert.Equal(Enumerable.Reverse(ids), seen);
        Assert.Single(byTask.Data);
    }

    private static TaskRegistration Registration(string id, string queue, int concurrencyLimit = 0) => new()
    {
        Id = id,
        Queue = queue,
        ConcurrencyLimit = concurrencyLimit,
        MaxAttempts = 3,
        MinRetryDelayMs = 1000,
        MaxRetryDelayMs = 5000,
        RetryFactor = 2,
    };

    private async Task<string> TriggerAsync(string task, TriggerRequestOptions? options = null) =>
        (await Engine.TriggerAsync(Env, task, new TriggerTaskRequest(Json("1"), options), null, CancellationToken.None)).Id;

    private async Task<IReadOnlyList<LeasedRun>> LeaseAsync(string worker, string task, int max = 1) =>
        (await Engine.LeaseAsync(Env, new LeaseRunsRequest(worker, Guid.NewGuid().ToString(), [task], max, WaitMs: 0), CancellationToken.None)).Runs;

    private Task CompleteAsync(string worker, LeasedRun run, string? output = null) =>
        Engine.CompleteAsync(Env, worker, [new AttemptOutcome { RunId = run.RunId, Attempt = run.Attempt, Ok = true, Output = output }], CancellationToken.None);

    private Task FailAsync(string worker, LeasedRun run) =>
        Engine.CompleteAsync(Env, worker, [new AttemptOutcome { RunId = run.RunId, Attempt = run.Attempt, Ok = false, Error = new SerializedError("boom") }], CancellationToken.None);

    private Task<WaitForResumeResponse> ResumeAsync(string worker, string runId) =>
        Engine.WaitForResumeAsync(Env, runId, new WaitForResumeRequest(worker, WaitMs: 0), CancellationToken.None);

    private Task<RunResponse> RetrieveAsync(string id) => Engine.RetrieveRunAsync(Env, id, CancellationToken.None);

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
