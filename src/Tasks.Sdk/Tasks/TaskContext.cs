using System.Text.Json.Nodes;

namespace Tasks.Sdk;

/// <summary>The run a task method is executing. Take it as a parameter of a <c>[Task]</c> method; it is valid only during that run.</summary>
public sealed class TaskContext
{
    private static readonly AsyncLocal<TaskContext?> CurrentRun = new();
    private readonly TasksClient? _client;
    private int _waiting;

    internal TaskContext(
        string runId,
        string taskId,
        int attempt,
        string? parentRunId,
        IReadOnlyList<string> tags,
        JsonObject? metadata,
        IRunWaiter waiter,
        CancellationToken cancellationToken,
        TasksClient? client = null)
    {
        _client = client;
        RunId = runId;
        TaskId = taskId;
        Attempt = attempt;
        ParentRunId = parentRunId;
        Tags = tags;
        Metadata = metadata ?? [];
        Waiter = waiter;
        CancellationToken = cancellationToken;
    }

    /// <summary>The run's id (<c>run_…</c>).</summary>
    public string RunId { get; }

    /// <summary>The task's identifier.</summary>
    public string TaskId { get; }

    /// <summary>The attempt number, starting at 1.</summary>
    public int Attempt { get; }

    /// <summary>The run that triggered this one and waits on it, if any.</summary>
    public string? ParentRunId { get; }

    /// <summary>The run's tags.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>The run's metadata as given when it was triggered.</summary>
    public JsonObject Metadata { get; }

    /// <summary>Fires when the run is cancelled, exceeds its max duration, or the worker shuts down.</summary>
    public CancellationToken CancellationToken { get; }

    internal IRunWaiter Waiter { get; }

    /// <summary>Adds tags to this run (at most 10 in all), e.g. to find it later by a customer id learned while running.</summary>
    public Task AddTagsAsync(params IReadOnlyList<string> tags) =>
        RequireClient().AddTagsAsync(RunId, tags, CancellationToken);

    /// <summary>Sets one metadata key on this run and returns the run's metadata; the server keeps it, so a dashboard or a poller sees progress.</summary>
    public Task<JsonObject> SetMetadataAsync(string key, JsonNode? value) =>
        RequireClient().UpdateMetadataAsync(RunId, new Protocol.MetadataUpdate(Operations: [new Protocol.MetadataOperation("set", key, value)]), CancellationToken);

    /// <summary>Adds <paramref name="amount"/> to a numeric metadata key of this run (0 when missing) and returns the run's metadata.</summary>
    public Task<JsonObject> IncrementMetadataAsync(string key, double amount = 1) =>
        RequireClient().UpdateMetadataAsync(RunId, new Protocol.MetadataUpdate(Operations: [new Protocol.MetadataOperation("increment", key, amount)]), CancellationToken);

    private TasksClient RequireClient() =>
        _client ?? throw new InvalidOperationException("This TaskContext has no connection to the server (it was not created by the worker).");

    /// <summary>The run executing on this async flow, or null outside a task.</summary>
    internal static TaskContext? Current
    {
        get => CurrentRun.Value;
        set => CurrentRun.Value = value;
    }

    /// <summary>The run that may wait here, or a clear error before any HTTP call when no task is running.</summary>
    internal static TaskContext RequireCurrent(string operation) =>
        Current ?? throw new InvalidOperationException(
            $"{operation} can only be used inside a running task (a [Task] method). Outside a task, use TriggerAsync and poll the handle with WaitForCompletionAsync.");

    /// <summary>Marks the start of a wait; a second wait while one is pending is an error, as in Trigger.dev.</summary>
    internal WaitScope BeginWait(string operation)
    {
        if (Interlocked.Exchange(ref _waiting, 1) == 1)
        {
            throw new InvalidOperationException(
                $"{operation}: run {RunId} is already waiting. Parallel waits are not supported; use BatchTriggerAndWaitAsync to wait on many runs at once.");
        }

        return new WaitScope(this);
    }

    internal readonly struct WaitScope(TaskContext context) : IDisposable
    {
        public void Dispose() => Volatile.Write(ref context._waiting, 0);
    }
}
