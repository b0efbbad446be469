namespace Tasks.Sdk;

/// <summary>Thrown by <c>Unwrap()</c> when a child run did not complete successfully.</summary>
public sealed class TaskRunFailedException(string taskId, string runId, RunError error)
    : Exception($"Run {runId} of task '{taskId}' failed: {error}")
{
    /// <summary>The failed run's task.</summary>
    public string TaskId { get; } = taskId;

    /// <summary>The failed run.</summary>
    public string RunId { get; } = runId;

    /// <summary>The run's error as recorded by its worker.</summary>
    public RunError Error { get; } = error;
}
