using Tasks.Server.Storage;

namespace Tasks.Server.Engine;

/// <summary>Trigger.dev's retry delay: <c>min(max, (randomize ? 1 + rand : 1) * min * factor^(attempt - 1))</c>.</summary>
internal static class RetrySchedule
{
    public static long DelayMs(TaskRecord? task, int failedAttempt)
    {
        var min = task?.MinRetryDelayMs ?? 1_000;
        var max = task?.MaxRetryDelayMs ?? 10_000;
        var factor = task?.RetryFactor ?? 2;
        var jitter = task?.RandomizeRetry == true ? 1 + Random.Shared.NextDouble() : 1;
        var delay = jitter * min * Math.Pow(factor, Math.Max(0, failedAttempt - 1));
        return (long)Math.Min(max, delay);
    }
}
