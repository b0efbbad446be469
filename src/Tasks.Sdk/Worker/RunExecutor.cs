using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tasks.Sdk.Protocol;

namespace Tasks.Sdk.Worker;

/// <summary>Executes one leased attempt: a DI scope per run, the generated invoker, max duration, and the report to the server.</summary>
internal sealed class RunExecutor(
    IServiceProvider services,
    TaskTable tasks,
    WorkerConnection connection,
    ActiveRuns active,
    TasksClient client,
    ILogger<RunExecutor> logger)
{
    public async Task ExecuteAsync(LeasedRun run)
    {
        using var cancellation = new CancellationTokenSource();
        active.Add(run.RunId, cancellation);
        var slotHeld = true;
        try
        {
            var completion = await InvokeAsync(run, cancellation);

            // The slot is for running task code: it frees as the body ends, so the next lease overlaps this report. The run
            // stays active (and heartbeated) until the server has the report, and stays EXECUTING for the server's queue limits.
            connection.Slots.Release();
            slotHeld = false;
            await connection.CompleteAsync(completion);
        }
        catch (Exception e)
        {
            // The server could not be told; the lease expires and the run is retried elsewhere.
            logger.LogError(e, "Could not report the end of run {RunId} (attempt {Attempt})", run.RunId, run.Attempt);
        }
        finally
        {
            active.Remove(run.RunId);
            if (slotHeld)
            {
                connection.Slots.Release();
            }
        }
    }

    private async Task<AttemptOutcome> InvokeAsync(LeasedRun run, CancellationTokenSource cancellation)
    {
        var timedOut = false;
        using var maxDuration = run.MaxDurationMs is { } ms
            ? new Timer(_ => { timedOut = true; active.Cancel(run.RunId); }, null, TimeSpan.FromMilliseconds(ms), Timeout.InfiniteTimeSpan)
            : null;
        try
        {
            if (!tasks.TryGet(run.TaskId, out var definition))
            {
                return Failed(run, new InvalidOperationException($"This worker has no task '{run.TaskId}'."), retryable: false);
            }

            await using var scope = services.CreateAsyncScope();
            var context = new TaskContext(run.RunId, run.TaskId, run.Attempt, run.ParentRunId, run.Tags, run.Metadata, connection, cancellation.Token, client);
            var invocation = new TaskInvocation(run.Payload, context, scope.ServiceProvider, client.Json);
            TaskContext.Current = context;
            var output = await definition.Invoke(invocation);
            return new AttemptOutcome { RunId = run.RunId, Attempt = run.Attempt, Ok = true, Output = output };
        }
        catch (OperationCanceledException e) when (cancellation.IsCancellationRequested && timedOut)
        {
            return Failed(run, new TimeoutException($"Run {run.RunId} exceeded its max duration of {run.MaxDurationMs} ms.", e), retryable: false) with { TimedOut = true };
        }
        catch (TaskPayloadException e)
        {
            return Failed(run, e, retryable: false);
        }
        catch (Exception e)
        {
            return Failed(run, e, retryable: true);
        }
        finally
        {
            TaskContext.Current = null;
        }
    }

    private AttemptOutcome Failed(LeasedRun run, Exception error, bool retryable)
    {
        logger.LogWarning("Run {RunId} of {TaskId} failed on attempt {Attempt}: {Error}", run.RunId, run.TaskId, run.Attempt, error.Message);
        return new AttemptOutcome
        {
            RunId = run.RunId,
            Attempt = run.Attempt,
            Ok = false,
            Retryable = retryable,
            Error = new SerializedError(error.Message, error.GetType().FullName, error.StackTrace),
        };
    }
}
