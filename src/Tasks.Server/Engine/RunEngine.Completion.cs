using Tasks.Sdk.Protocol;
using Tasks.Server.Storage;

namespace Tasks.Server.Engine;

internal sealed partial class RunEngine
{
    private static readonly SerializedError LeaseExpired = new("The worker running this attempt stopped heartbeating (its lease expired).", "WorkerLost");

    /// <summary>
    /// Records the end of an attempt: completed, retried after the task's backoff, or failed for good. A report for an attempt
    /// the worker no longer holds (cancelled, lease lost, a duplicate) changes nothing.
    /// </summary>
    public async Task<CompleteRunResponse> CompleteAsync(EnvironmentRecord env, string runId, CompleteRunRequest completion, CancellationToken cancellationToken)
    {
        var response = await store.WriteAsync(async tx =>
        {
            var run = await RequireRunAsync(tx, env.Id, runId);
            if (run.Status != RunStatuses.Executing || run.LeaseOwner != completion.WorkerId || run.AttemptCount != completion.Attempt)
            {
                return new CompleteRunResponse(run.Status);
            }

            var now = Now;
            if (completion.Ok)
            {
                await tx.FinishAttemptAsync(run.Id, run.AttemptCount, now, RunStatuses.Completed, null);
                return new CompleteRunResponse(await FinishAsync(tx, run with { Output = completion.Output }, RunStatuses.Completed, now));
            }

            var error = completion.Error ?? new SerializedError("The attempt failed without an error.");
            await tx.FinishAttemptAsync(run.Id, run.AttemptCount, now, RunStatuses.Failed, SerializeError(error));
            var failed = run with { Error = SerializeError(error) };
            if (completion.TimedOut)
            {
                return new CompleteRunResponse(await FinishAsync(tx, failed, RunStatuses.TimedOut, now));
            }

            return new CompleteRunResponse(completion.Retryable
                ? await RetryOrFailAsync(tx, failed, RunStatuses.Failed, now)
                : await FinishAsync(tx, failed, RunStatuses.Failed, now));
        }, cancellationToken);
        signals.Pulse();
        return response;
    }

    /// <summary>Queues the next attempt after the task's backoff, or ends the run with <paramref name="finalStatus"/> when none are left.</summary>
    private static async Task<string> RetryOrFailAsync(IRunTransaction tx, RunRecord run, string finalStatus, long now)
    {
        if (run.AttemptCount >= run.MaxAttempts)
        {
            return await FinishAsync(tx, run, finalStatus, now);
        }

        var task = await tx.GetTaskAsync(run.EnvironmentId, run.TaskId);
        await tx.UpdateRunAsync(ReleaseLease(run) with
        {
            Status = RunStatuses.Queued,
            AvailableAt = now + RetrySchedule.DelayMs(task, run.AttemptCount),
            UpdatedAt = now,
        });
        return RunStatuses.Queued;
    }

    /// <summary>Ends a run for good and completes the wait of a parent that waited on it.</summary>
    private static async Task<string> FinishAsync(IRunTransaction tx, RunRecord run, string status, long now)
    {
        var finished = ReleaseLease(run) with { Status = status, FinishedAt = now, UpdatedAt = now };
        await tx.UpdateRunAsync(finished);
        await OnRunFinishedAsync(tx, finished, now);
        return status;
    }

    private static Task ExpireAsync(IRunTransaction tx, RunRecord run, long now) =>
        FinishAsync(tx, run with { ExpiredAt = now, Error = SerializeError(new SerializedError($"The run did not start within its TTL ({run.Ttl}).", "Expired")) }, RunStatuses.Expired, now);

    private static RunRecord ReleaseLease(RunRecord run) =>
        run with { LeaseOwner = null, LeaseRequest = null, LeaseExpiresAt = null, WaitingFor = null, WaitDone = false };

    /// <summary>Retries (or crashes) attempts whose worker stopped heartbeating, and expires runs that did not start within their TTL.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var changed = await store.WriteAsync(async tx =>
        {
            var now = Now;
            var count = 0;
            foreach (var run in await tx.SelectExpiredLeasesAsync(now, 200))
            {
                await tx.FinishAttemptAsync(run.Id, run.AttemptCount, now, RunStatuses.Failed, SerializeError(LeaseExpired));
                await RetryOrFailAsync(tx, run with { Error = SerializeError(LeaseExpired) }, RunStatuses.Crashed, now);
                count++;
            }

            foreach (var run in await tx.SelectExpiredTtlsAsync(now, 200))
            {
                await ExpireAsync(tx, run, now);
                count++;
            }

            await tx.DeleteRequestKeysBeforeAsync(now - (long)TimeSpan.FromHours(24).TotalMilliseconds);
            return count;
        }, cancellationToken);
        if (changed > 0)
        {
            signals.Pulse();
        }

        return changed;
    }
}
