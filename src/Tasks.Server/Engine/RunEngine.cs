using System.Text.Json;
using Microsoft.Extensions.Options;
using Tasks.Sdk.Protocol;
using Tasks.Server.Hosting;
using Tasks.Server.Storage;

namespace Tasks.Server.Engine;

/// <summary>
/// The run engine: every rule about runs (queues and concurrency, retries, waits, idempotency, leases) lives here, once,
/// on top of the store's primitives, each operation in one write transaction. Split by concern across partial files.
/// </summary>
internal sealed partial class RunEngine(IRunStore store, RunSignals signals, TimeProvider time, IOptions<TasksServerOptions> options)
{
    private readonly TasksServerOptions _options = options.Value;

    private long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    private long LeaseMs => (long)_options.LeaseDuration.TotalMilliseconds;

    /// <summary>
    /// Called after a run reached a final status: completes the waits on it, and on its batch when that was the batch's last run.
    /// Waiters are found by what they wait on, not by parentage: a parent can wait on an existing child its idempotency key found.
    /// </summary>
    private static async Task OnRunFinishedAsync(IRunTransaction tx, RunRecord run, long now)
    {
        await CompleteWaitsOnAsync(tx, run.Id, now);
        if (run.BatchId is { } batchId)
        {
            await CompleteWaitsOnAsync(tx, batchId, now, () => IsBatchFinishedAsync(tx, batchId));
        }
    }

    /// <summary>
    /// Marks the runs waiting on <paramref name="target"/> as ready to resume, if <paramref name="isDone"/> holds. The waiters are
    /// read (and, on a multi-writer store, locked) before the check: two siblings finishing at once on two servers take turns,
    /// and the second one's check sees the first one's commit, so the last run of a batch always releases its parent.
    /// </summary>
    private static async Task CompleteWaitsOnAsync(IRunTransaction tx, string target, long now, Func<Task<bool>>? isDone = null)
    {
        var waiters = (await tx.GetRunsWaitingOnAsync(target)).Where(w => w is { Status: RunStatuses.Waiting, WaitDone: false }).ToList();
        if (waiters.Count == 0 || (isDone is not null && !await isDone()))
        {
            return;
        }

        foreach (var waiter in waiters)
        {
            await tx.UpdateRunAsync(waiter with { WaitDone = true, UpdatedAt = now });
        }
    }

    private static async Task<bool> IsBatchFinishedAsync(IRunTransaction tx, string batchId) =>
        await tx.GetBatchAsync(batchId) is { Sealed: true } && !await tx.HasUnfinishedBatchRunsAsync(batchId);

    /// <summary>Suspends an executing parent on a run or a batch. Its lease stays (the worker holds its continuation) but its queue slot is released.</summary>
    private static Task BeginWaitAsync(IRunTransaction tx, RunRecord parent, string waitingFor, bool alreadyDone, long now) =>
        tx.UpdateRunAsync(parent with { Status = RunStatuses.Waiting, WaitingFor = waitingFor, WaitDone = alreadyDone, UpdatedAt = now });

    private static async Task<RunRecord> RequireRunAsync(IRunReader reader, string environmentId, string runId) =>
        await reader.GetRunAsync(runId) is { } run && run.EnvironmentId == environmentId
            ? run
            : throw ApiProblem.NotFound($"Run not found: '{runId}'.");

    private static string SerializeError(SerializedError error) => JsonSerializer.Serialize(error, ProtocolJsonContext.Default.SerializedError);

    internal static SerializedError? DeserializeError(string? error) =>
        error is null ? null : JsonSerializer.Deserialize(error, ProtocolJsonContext.Default.SerializedError);
}
