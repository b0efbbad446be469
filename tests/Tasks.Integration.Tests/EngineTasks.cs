using System.Collections.Concurrent;
using Tasks.Sdk;

namespace Tasks.Integration.Tests;

public sealed record Keyed(string Key, int Milliseconds);

public sealed record Ordered(string Name, int Milliseconds);

/// <summary>Tasks for the run-engine rules: per-key limits, priority, cascading cancel, idempotent children, tags and metadata from a task.</summary>
public sealed class EngineTasks(IEngineTasksClient engine)
{
    public static readonly ConcurrentQueue<string> StartOrder = new();
    public static readonly ConcurrentDictionary<string, int> PerKeyNow = new();
    public static readonly ConcurrentDictionary<string, int> PerKeyMax = new();
    public static readonly ConcurrentDictionary<string, int> ChildRuns = new();

    [Task("per-key", Queue = "per-key", ConcurrencyLimit = 1)]
    public static async Task<int> PerKeyAsync(Keyed payload, CancellationToken ct)
    {
        var now = PerKeyNow.AddOrUpdate(payload.Key, 1, (_, n) => n + 1);
        PerKeyMax.AddOrUpdate(payload.Key, now, (_, max) => Math.Max(max, now));
        await Task.Delay(payload.Milliseconds, ct);
        PerKeyNow.AddOrUpdate(payload.Key, 0, (_, n) => n - 1);
        return now;
    }

    [Task("ordered", Queue = "ordered", ConcurrencyLimit = 1)]
    public static async Task<string> OrderedAsync(Ordered payload, CancellationToken ct)
    {
        StartOrder.Enqueue(payload.Name);
        await Task.Delay(payload.Milliseconds, ct);
        return payload.Name;
    }

    [Task("counted-child")]
    public static Task<string> CountedChildAsync(string payload)
    {
        ChildRuns.AddOrUpdate(payload, 1, (_, n) => n + 1);
        return Task.FromResult(payload + "!");
    }

    /// <summary>Triggers its child with an idempotency key, then fails once: the retry must get the same child back, not run it again.</summary>
    [Task("retrying-parent", MaxAttempts = 2, MinRetryDelay = "50ms")]
    public async Task<string> RetryingParentAsync(string payload, TaskContext ctx, CancellationToken ct)
    {
        var child = await engine.CountedChild.TriggerAndWaitAsync(payload, new TriggerOptions { IdempotencyKey = "the-child" }, ct);
        if (ctx.Attempt == 1)
        {
            throw new InvalidOperationException("fail after the child, once");
        }

        return child.Unwrap();
    }

    [Task("waits-on-slow")]
    public async Task<int> WaitsOnSlowAsync(int milliseconds, CancellationToken ct) =>
        (await engine.Slow.TriggerAndWaitAsync(milliseconds, ct)).Unwrap();

    [Task("slow-child", MaxAttempts = 1)]
    public static async Task<int> SlowAsync(int milliseconds, CancellationToken ct)
    {
        await Task.Delay(milliseconds, ct);
        return milliseconds;
    }

    [Task("self-describing")]
    public static async Task<string> DescribeSelfAsync(string customer, TaskContext ctx)
    {
        await ctx.AddTagsAsync($"customer:{customer}");
        await ctx.SetMetadataAsync("progress", 50);
        await ctx.IncrementMetadataAsync("steps");
        await ctx.IncrementMetadataAsync("steps", 2);
        return customer;
    }
}
