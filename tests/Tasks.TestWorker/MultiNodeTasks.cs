using Tasks.Sdk;

namespace Tasks.TestWorker;

public sealed record Step(int Number);

/// <summary>No-op steps in a limited queue and parents that wait on them, each logging its start and end for the many-node tests.</summary>
public sealed class MultiNodeTasks(IMultiNodeTasksClient steps)
{
    public const int StepQueueLimit = 8;

    [Task("mn-step", Queue = "mn-steps", ConcurrencyLimit = StepQueueLimit, MaxAttempts = 5, MinRetryDelay = "100ms")]
    public static Task<int> StepAsync(Step step, TaskContext ctx)
    {
        AttemptLog.Write("start", ctx);
        AttemptLog.Write("end", ctx);
        return Task.FromResult(step.Number);
    }

    [Task("mn-parent", MaxAttempts = 5, MinRetryDelay = "100ms")]
    public async Task<int> ParentAsync(Step step, TaskContext ctx, CancellationToken ct)
    {
        AttemptLog.Write("start", ctx);
        var children = await steps.Step.BatchTriggerAndWaitAsync(Enumerable.Range(0, step.Number).Select(i => new Step(i)), ct);
        AttemptLog.Write("end", ctx);
        return children.Unwrap().Sum();
    }
}

/// <summary>Appends "event runId attempt taskId ticks" lines to the file named by TASKS_TEST_LOG, flushed at once (the process may be killed).</summary>
public static class AttemptLog
{
    private static readonly Lock Gate = new();
    private static StreamWriter? _writer;

    public static void Write(string what, TaskContext ctx)
    {
        lock (Gate)
        {
            _writer ??= new StreamWriter(new FileStream(
                Environment.GetEnvironmentVariable("TASKS_TEST_LOG") ?? throw new InvalidOperationException("Set TASKS_TEST_LOG."),
                FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
            _writer.WriteLine($"{what} {ctx.RunId} {ctx.Attempt} {ctx.TaskId} {DateTime.UtcNow.Ticks}");
        }
    }
}
