using Tasks.Sdk.Protocol;
using Tasks.Server.Storage;

namespace Tasks.Server.Engine;

internal sealed partial class RunEngine
{
    /// <summary>
    /// Cancels a queued, delayed, executing or waiting run (a finished run is left as it is). The worker of an executing run learns
    /// it at its next heartbeat and its cancellation token fires; a waiting run's unfinished children are cancelled with it.
    /// </summary>
    public async Task<RunIdResponse> CancelAsync(EnvironmentRecord env, string runId, CancellationToken cancellationToken)
    {
        await store.WriteAsync(async tx =>
        {
            await CancelRunAsync(tx, await RequireRunAsync(tx, env.Id, runId), Now);
            return 0;
        }, cancellationToken);
        signals.Pulse();
        return new RunIdResponse(runId);
    }

    private static async Task CancelRunAsync(IRunTransaction tx, RunRecord run, long now)
    {
        if (RunStatuses.IsFinal(run.Status))
        {
            return;
        }

        if (run.Status is RunStatuses.Executing or RunStatuses.Waiting)
        {
            await tx.FinishAttemptAsync(run.Id, run.AttemptCount, now, RunStatuses.Canceled, null);
        }

        var waitedOn = run is { Status: RunStatuses.Waiting, WaitingFor: { } target }
            ? RunIds.IsBatchId(target) ? await tx.GetBatchRunsAsync(target) : await tx.GetRunAsync(target) is { } child ? [child] : []
            : [];
        await FinishAsync(tx, run, RunStatuses.Canceled, now);
        foreach (var waited in waitedOn)
        {
            await CancelRunAsync(tx, waited, now);
        }
    }
}
