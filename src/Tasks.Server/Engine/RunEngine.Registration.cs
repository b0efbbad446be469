using Tasks.Sdk.Protocol;
using Tasks.Server.Storage;

namespace Tasks.Server.Engine;

internal sealed partial class RunEngine
{
    /// <summary>Records the tasks a worker runs, with their queues, limits and retry policies. Runs can be triggered only for registered tasks.</summary>
    public async Task RegisterTasksAsync(EnvironmentRecord env, RegisterWorkerRequest request, CancellationToken cancellationToken)
    {
        foreach (var task in request.Tasks)
        {
            if (string.IsNullOrWhiteSpace(task.Id) || string.IsNullOrWhiteSpace(task.Queue) || task.MaxAttempts < 1)
            {
                throw ApiProblem.BadRequest($"Task registration '{task.Id}' needs an id, a queue and maxAttempts of at least 1.");
            }
        }

        await store.WriteAsync(async tx =>
        {
            var now = Now;
            foreach (var task in request.Tasks)
            {
                await tx.UpsertTaskAsync(env.Id, new TaskRecord(
                    task.Id, task.Queue, task.MaxAttempts, task.MinRetryDelayMs, task.MaxRetryDelayMs, task.RetryFactor, task.RandomizeRetry, task.MaxDurationMs, task.TtlMs), now);
                await tx.UpsertQueueAsync(env.Id, task.Queue, Math.Max(0, task.ConcurrencyLimit));
            }

            return 0;
        }, cancellationToken);
        signals.Pulse();
    }
}
