using Tasks.Sdk.Protocol;

namespace Tasks.Sdk;

/// <summary>The result of a run a task waited on: ok with its output, or not ok with its error.</summary>
public class TaskRunResult
{
    private protected TaskRunResult(bool ok, string id, string taskId, RunError? error)
    {
        Ok = ok;
        Id = id;
        TaskId = taskId;
        Error = error;
    }

    /// <summary>True when the run completed successfully.</summary>
    public bool Ok { get; }
    /// <summary>The run id.</summary>
    public string Id { get; }
    /// <summary>The run's task.</summary>
    public string TaskId { get; }
    /// <summary>The error, when not ok.</summary>
    public RunError? Error { get; }

    /// <summary>Throws <see cref="TaskRunFailedException"/> unless the run succeeded.</summary>
    public void EnsureSuccess()
    {
        if (!Ok)
        {
            throw new TaskRunFailedException(TaskId, Id, Error ?? new RunError("The run did not complete."));
        }
    }

    internal static RunError? ErrorOf(WaitedRunResult result) =>
        result.Ok ? null : result.Error is { } e ? new RunError(e.Message, e.Name, e.StackTrace) : new RunError("The run did not complete.");

    internal static TaskRunResult From(WaitedRunResult result) => new(result.Ok, result.Id, result.TaskIdentifier, ErrorOf(result));
}

/// <summary>The result of a run, returning <typeparamref name="TOutput"/>, that a task waited on.</summary>
public sealed class TaskRunResult<TOutput> : TaskRunResult
{
    private TaskRunResult(bool ok, string id, string taskId, TOutput? output, RunError? error)
        : base(ok, id, taskId, error)
    {
        Output = output;
    }

    /// <summary>The output, when ok.</summary>
    public TOutput? Output { get; }

    /// <summary>The output, or <see cref="TaskRunFailedException"/> when the run failed.</summary>
    public TOutput Unwrap()
    {
        EnsureSuccess();
        return Output!;
    }

    internal static TaskRunResult<TOutput> From(WaitedRunResult result, TasksClient client) => new(
        result.Ok,
        result.Id,
        result.TaskIdentifier,
        result.Ok && result.Output is { } output ? client.Deserialize<TOutput>(output) : default,
        ErrorOf(result));
}
