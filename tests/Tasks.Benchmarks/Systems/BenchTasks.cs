using Tasks.Sdk;

namespace Tasks.Benchmarks.Systems;

/// <summary>The Tasks.Sdk side of the workloads: the no-op job, and a parent that fans out to children and sums their outputs.</summary>
public sealed class BenchTasks(IBenchTasksClient tasks)
{
    [Task("bench-noop", MaxAttempts = 1)]
    public static Task NoopAsync(int job)
    {
        Probe.Started(job);
        return Task.CompletedTask;
    }

    [Task("bench-child", MaxAttempts = 1)]
    public static Task<int> ChildAsync(int child) => Task.FromResult(child);

    [Task("bench-fanout", MaxAttempts = 1)]
    public async Task<long> FanoutAsync(int children, CancellationToken cancellationToken)
    {
        var results = await tasks.Child.BatchTriggerAndWaitAsync(Enumerable.Range(0, children), cancellationToken);
        long sum = results.Unwrap().Sum(c => (long)c);
        Probe.FanoutDone(sum);
        return sum;
    }
}
