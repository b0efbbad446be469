using Tasks.Sdk;

namespace Tasks.Dashboard.Tests;

public sealed record Greeting(string Name);

/// <summary>Runs to look at: one that takes a moment and completes, one that always fails.</summary>
public static class DashboardTasks
{
    [Task("dash-greet")]
    public static async Task<string> GreetAsync(Greeting payload, CancellationToken ct)
    {
        await Task.Delay(1200, ct);
        return $"Hello, {payload.Name}";
    }

    [Task("dash-fail", MaxAttempts = 2, MinRetryDelay = "50ms", Queue = "fragile", ConcurrencyLimit = 3)]
    public static Task<int> FailAsync(Greeting payload, TaskContext ctx) =>
        throw new InvalidOperationException($"No greeting for {payload.Name} on attempt {ctx.Attempt}");
}

/// <summary>A parent with one child triggered alone and more in a batch: the run page's tree.</summary>
public sealed class FamilyTasks(IFamilyTasksClient family)
{
    [Task("dash-child")]
    public Task<int> ChildAsync(int payload) => Task.FromResult(payload * 2);

    [Task("dash-parent")]
    public async Task<int> ParentAsync(int payload, CancellationToken ct)
    {
        var one = await family.Child.TriggerAndWaitAsync(1, ct);
        var many = await family.Child.BatchTriggerAndWaitAsync(Enumerable.Range(2, payload), ct);
        return one.Unwrap() + many.Unwrap().Sum();
    }
}
