using Tasks.Sdk.Protocol;
using Tasks.Server.Storage;

namespace Tasks.Server.Engine;

internal sealed partial class RunEngine
{
    private const string Resumed = "resumed";
    private const string Pending = "pending";
    private const string Canceled = "canceled";

    /// <summary>
    /// A long-poll from the worker holding a waiting run: answers <c>resumed</c> (with the results, in item order) once the runs it
    /// waits on have finished and its queue has a free slot again, <c>pending</c> on timeout, <c>canceled</c> if the run is gone.
    /// </summary>
    public async Task<WaitForResumeResponse> WaitForResumeAsync(EnvironmentRecord env, string runId, WaitForResumeRequest request, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + TimeSpan.FromMilliseconds(Math.Clamp(request.WaitMs, 0, MaxLongPoll.TotalMilliseconds));
        while (true)
        {
            var pulse = signals.NextPulse;
            var response = await store.WriteAsync(tx => TryResumeAsync(tx, env, runId, request.WorkerId), cancellationToken);
            var now = time.GetUtcNow();
            if (response.State != Pending || now >= deadline)
            {
                return response;
            }

            await RunSignals.WaitAsync(pulse, deadline - now, time, cancellationToken);
        }
    }

    private async Task<WaitForResumeResponse> TryResumeAsync(IRunTransaction tx, EnvironmentRecord env, string runId, string workerId)
    {
        var run = await RequireRunAsync(tx, env.Id, runId);
        if (run.LeaseOwner != workerId || run.WaitingFor is null)
        {
            return new WaitForResumeResponse(Canceled);
        }

        if (run.Status == RunStatuses.Executing && run.WaitDone)
        {
            return new WaitForResumeResponse(Resumed, await WaitResultsAsync(tx, run.WaitingFor)); // a retried request
        }

        if (run.Status != RunStatuses.Waiting || !run.WaitDone)
        {
            return new WaitForResumeResponse(run.Status == RunStatuses.Waiting ? Pending : Canceled);
        }

        await tx.LockSlotsAsync(env.Id);
        var limit = await tx.GetQueueLimitAsync(env.Id, run.Queue);
        if (limit > 0 && await tx.CountExecutingAsync(env.Id, run.Queue, run.ConcurrencyKey) >= limit)
        {
            return new WaitForResumeResponse(Pending);
        }

        var now = Now;
        await tx.UpdateRunAsync(run with { Status = RunStatuses.Executing, LeaseExpiresAt = now + LeaseMs, UpdatedAt = now });
        return new WaitForResumeResponse(Resumed, await WaitResultsAsync(tx, run.WaitingFor));
    }

    private static async Task<IReadOnlyList<WaitedRunResult>> WaitResultsAsync(IRunReader reader, string waitingFor)
    {
        var runs = RunIds.IsBatchId(waitingFor)
            ? await reader.GetBatchRunsAsync(waitingFor)
            : await reader.GetRunAsync(waitingFor) is { } run ? [run] : [];
        return runs.Select(WaitResult).ToList();
    }

    private static WaitedRunResult WaitResult(RunRecord run) => run.Status == RunStatuses.Completed
        ? new WaitedRunResult(true, run.Id, run.TaskId, run.Output)
        : new WaitedRunResult(false, run.Id, run.TaskId, Error: DeserializeError(run.Error) ?? new SerializedError($"The run ended {run.Status}.", run.Status));
}
