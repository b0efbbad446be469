using Tasks.Sdk.Protocol;
using Tasks.Server.Storage;

namespace Tasks.Server.Engine;

internal sealed partial class RunEngine
{
    private static readonly SerializedError LeaseExpired = new("The worker running this attempt stopped heartbeating (its lease expired).", "WorkerLost");

    /// <summary>
    /// Records how attempts ended, all in one transaction: completed, retried after the task's backoff, or failed for good. An
    /// outcome for an attempt the worker no longer holds (cancelled, lease lost, a duplicate) changes nothing; a run the caller
    /// cannot see answers <c>NOT_FOUND</c> without failing the others.
    /// </summary>
    public async Task<CompleteRunsResponse> CompleteAsync(EnvironmentRecord env, string workerId, IReadOnlyList<AttemptOutcome> outcomes, CancellationToken cancellationToken)
    {
        var response = await store.WriteAsync(async tx =>
        {
            var statuses = new List<RunStatusUpdate>(outcomes.Count);
            foreach (var outcome in outcomes)
            {
                statuses.Add(new RunStatusUpdate(outcome.RunId, await RecordOutcomeAsync(tx, env, workerId, outcome)));
            }

            return new CompleteRunsResponse(statuses);
        }, cancellationToken);
        signals.Pulse();
        return response;
    }

    private async Task<string> RecordOutcomeAsync(IRunTransaction tx, EnvironmentRecord env, string workerId, AttemptOutcome outcome)
    {
        if (await tx.GetRunAsync(outcome.RunId) is not { } run || run.EnvironmentId != env.Id)
        {
            return "NOT_FOUND";
        }

        if (run.Status != RunStatuses.Executing || run.LeaseOwner != workerId || run.AttemptCount != outcome.Attempt)
        {
            return run.Status;
        }

        var now = Now;
        if (outcome.Ok)
        {
            await tx.FinishAttemptAsync(run.Id, run.AttemptCount, now, RunStatuses.Completed, null);
            return await FinishAsync(tx, run with { Output = outcome.Output }, RunStatuses.Completed, now);
        }

        var error = SerializeError(outcome.Error ?? new SerializedError("The attempt failed without an error."));
        await tx.FinishAttemptAsync(run.Id, run.AttemptCount, now, RunStatuses.Failed, error);
        var failed = run with { Error = error };
        return outcome switch
        {
            { TimedOut: true } => await FinishAsync(tx, failed, RunStatuses.TimedOut, now),
            { Retryable: true } => await RetryOrFailAsync(tx, failed, RunStatuses.Failed, now),
            _ => await FinishAsync(tx, failed, RunStatuses.Failed, now),
        };
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
