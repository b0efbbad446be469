using Tasks.Sdk;

namespace Tasks.TestWorker;

public sealed record SlowStep(int Milliseconds);

public static class SlowTasks
{
    /// <summary>Appends "runId attempt processId" to the file in TASKS_TEST_LOG when an attempt starts, then sleeps.</summary>
    [Task("slow-step", MaxAttempts = 3, MinRetryDelay = "100ms")]
    public static async Task<int> RunAsync(SlowStep step, TaskContext ctx, CancellationToken ct)
    {
        var log = Environment.GetEnvironmentVariable("TASKS_TEST_LOG") ?? throw new InvalidOperationException("Set TASKS_TEST_LOG.");
        await File.AppendAllTextAsync(log, $"{ctx.RunId} {ctx.Attempt} {Environment.ProcessId}\n", ct);
        await Task.Delay(step.Milliseconds, ct);
        return Environment.ProcessId;
    }
}
