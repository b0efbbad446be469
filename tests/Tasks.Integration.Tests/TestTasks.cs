using System.Collections.Concurrent;
using Tasks.Sdk;

namespace Tasks.Integration.Tests;

public sealed record Numbers(int A, int B);

public sealed record Echo(string Text, int Count);

public sealed record Fanout(int Children);

public sealed record Sleep(int Milliseconds);

/// <summary>What the tasks saw, for assertions: executions per run, and the most runs of a queue seen executing at once.</summary>
public static class Observed
{
    public static readonly ConcurrentDictionary<string, int> Executions = new();
    public static readonly ConcurrentDictionary<string, bool> SawCancellation = new();
    private static int _limitedNow;
    private static int _limitedMax;

    public static int LimitedMax => Volatile.Read(ref _limitedMax);

    public static void Executed(TaskContext ctx) => Executions.AddOrUpdate($"{ctx.RunId}#{ctx.Attempt}", 1, (_, n) => n + 1);

    public static IDisposable EnterLimited()
    {
        var now = Interlocked.Increment(ref _limitedNow);
        int max;
        while (now > (max = Volatile.Read(ref _limitedMax)) && Interlocked.CompareExchange(ref _limitedMax, now, max) != max)
        {
        }

        return new Exit();
    }

    private sealed class Exit : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref _limitedNow);
    }
}

/// <summary>A scoped service, to prove instance tasks get a DI scope per run.</summary>
public sealed class Greeter
{
    public string Greet(string name) => $"Hello, {name}";
}

public sealed class EchoTasks(Greeter greeter)
{
    [Task("echo")]
    public Task<Echo> EchoAsync(Echo payload, TaskContext ctx)
    {
        Observed.Executed(ctx);
        return Task.FromResult(payload with { Text = greeter.Greet(payload.Text) });
    }

    [Task("tags-and-metadata")]
    public ValueTask<string> DescribeAsync(string payload, TaskContext ctx) =>
        ValueTask.FromResult($"{payload}|{string.Join(",", ctx.Tags)}|{ctx.Metadata["source"]}|{ctx.ParentRunId ?? "root"}");

    [Task("no-output")]
    public async ValueTask RecordAsync(Echo payload, TaskContext ctx, CancellationToken ct)
    {
        Observed.Executed(ctx);
        await Task.Delay(1, ct);
    }
}

public static class MathTasks
{
    [Task("add")]
    public static Task<int> AddAsync(Numbers payload) => Task.FromResult(payload.A + payload.B);

    [Task("always-fails", MaxAttempts = 2, MinRetryDelay = "50ms")]
    public static Task<int> FailAsync(Numbers payload, TaskContext ctx)
    {
        Observed.Executed(ctx);
        throw new ArithmeticException($"Cannot add {payload.A} and {payload.B} on attempt {ctx.Attempt}");
    }

    [Task("fails-twice", MaxAttempts = 3, MinRetryDelay = "50ms", RetryFactor = 2)]
    public static Task<string> FlakyAsync(string payload, TaskContext ctx) =>
        ctx.Attempt < 3 ? throw new TimeoutException($"attempt {ctx.Attempt}") : Task.FromResult($"{payload} on attempt {ctx.Attempt}");

    [Task("sleep", MaxAttempts = 1)]
    public static async Task<int> SleepAsync(Sleep payload, TaskContext ctx, CancellationToken ct)
    {
        try
        {
            await Task.Delay(payload.Milliseconds, ct);
            return payload.Milliseconds;
        }
        catch (OperationCanceledException)
        {
            Observed.SawCancellation[ctx.RunId] = true;
            throw;
        }
    }

    [Task("too-slow", MaxAttempts = 3, MaxDuration = "300ms")]
    public static async Task<int> TooSlowAsync(Sleep payload, TaskContext ctx, CancellationToken ct)
    {
        Observed.Executed(ctx);
        await Task.Delay(payload.Milliseconds, ct);
        return payload.Milliseconds;
    }

    [Task("limited", Queue = "limited", ConcurrencyLimit = 2)]
    public static async Task<int> LimitedAsync(Sleep payload, TaskContext ctx, CancellationToken ct)
    {
        Observed.Executed(ctx);
        using (Observed.EnterLimited())
        {
            await Task.Delay(payload.Milliseconds, ct);
        }

        return payload.Milliseconds;
    }
}

/// <summary>A parent and its children share one queue with a concurrency limit of 1: waiting must release the parent's slot.</summary>
public sealed class SoloTasks(ISoloTasksClient solo)
{
    [Task("solo-child", Queue = "solo", ConcurrencyLimit = 1)]
    public Task<int> ChildAsync(int payload) => Task.FromResult(payload * 10);

    [Task("solo-parent", Queue = "solo", ConcurrencyLimit = 1)]
    public async Task<int[]> ParentAsync(Fanout payload, TaskContext ctx, CancellationToken ct)
    {
        var one = await solo.Child.TriggerAndWaitAsync(1, ct);
        var many = await solo.Child.BatchTriggerAndWaitAsync(Enumerable.Range(2, payload.Children), ct);
        return [one.Unwrap(), .. many.Unwrap()];
    }

}

public sealed class FailureParentTasks(IMathTasksClient math)
{
    [Task("parent-of-failure")]
    public async Task<string> ParentOfFailureAsync(Numbers payload, CancellationToken ct)
    {
        var result = await math.Fail.TriggerAndWaitAsync(payload, ct);
        return result.Ok ? "ok" : $"{result.Error!.Name}: {result.Error.Message}";
    }
}
