using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tasks.Sdk.Protocol;

/// <summary>
/// Trigger.dev's common run fields (<c>CommonRunFields</c>): what a run looks like in a list, as a related run, and at the top of
/// a run object. Optional fields are null here and omitted on the wire. The boolean helpers derive from <see cref="Status"/>.
/// </summary>
public record RunSummary
{
    /// <summary>The run id.</summary>
    public string Id { get; init; } = "";
    /// <summary>One of the 13 API statuses.</summary>
    public string Status { get; init; } = "";
    /// <summary>The task.</summary>
    public string TaskIdentifier { get; init; } = "";
    /// <inheritdoc cref="RunStatusFlags.IsQueued"/>
    public bool IsQueued => RunStatusFlags.IsQueued(Status);
    /// <inheritdoc cref="RunStatusFlags.IsExecuting"/>
    public bool IsExecuting => RunStatusFlags.IsExecuting(Status);
    /// <inheritdoc cref="RunStatusFlags.IsWaiting"/>
    public bool IsWaiting => RunStatusFlags.IsWaiting(Status);
    /// <inheritdoc cref="RunStatusFlags.IsCompleted"/>
    public bool IsCompleted => RunStatusFlags.IsCompleted(Status);
    /// <inheritdoc cref="RunStatusFlags.IsSuccess"/>
    public bool IsSuccess => RunStatusFlags.IsSuccess(Status);
    /// <inheritdoc cref="RunStatusFlags.IsFailed"/>
    public bool IsFailed => RunStatusFlags.IsFailed(Status);
    /// <inheritdoc cref="RunStatusFlags.IsCancelled"/>
    public bool IsCancelled => RunStatusFlags.IsCancelled(Status);
    /// <summary>Always false: a self-hosted server has no test runs.</summary>
    public bool IsTest => false;
    /// <summary>When triggered.</summary>
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>Last change.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>Sorted tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>Always 0 on a self-hosted server.</summary>
    public double CostInCents { get; init; }
    /// <summary>Always 0 on a self-hosted server.</summary>
    public double BaseCostInCents { get; init; }
    /// <summary>Execution time so far.</summary>
    public double DurationMs { get; init; }
    /// <summary>0 for a root run, parent depth + 1 otherwise.</summary>
    public int Depth { get; init; }
    /// <summary>trigger, triggerAndWait, batchTrigger or batchTriggerAndWait.</summary>
    public string TriggerFunction { get; init; } = "trigger";
    /// <summary>The key as the user wrote it.</summary>
    public string? IdempotencyKey { get; init; }
    /// <summary>When the first attempt started.</summary>
    public DateTimeOffset? StartedAt { get; init; }
    /// <summary>When it finished.</summary>
    public DateTimeOffset? FinishedAt { get; init; }
    /// <summary>When a delayed run becomes due.</summary>
    public DateTimeOffset? DelayedUntil { get; init; }
    /// <summary>The TTL as given.</summary>
    public string? Ttl { get; init; }
    /// <summary>When it expired.</summary>
    public DateTimeOffset? ExpiredAt { get; init; }
    /// <summary>Run metadata.</summary>
    public JsonObject? Metadata { get; init; }
    /// <summary>The batch it belongs to.</summary>
    public string? BatchId { get; init; }
}

/// <summary>Response of <c>GET /api/v3/runs/{runId}</c> (Trigger.dev's <c>RetrieveRunResponse</c>).</summary>
public sealed record RunResponse : RunSummary
{
    /// <summary>Root, parent and children.</summary>
    public RelatedRuns RelatedRuns { get; init; } = new();
    /// <summary>Attempts started so far.</summary>
    public int AttemptCount { get; init; }
    /// <summary>The payload as plain JSON.</summary>
    public JsonElement? Payload { get; init; }
    /// <summary>The output as plain JSON (COMPLETED only).</summary>
    public JsonElement? Output { get; init; }
    /// <summary>The last attempt's error.</summary>
    public SerializedError? Error { get; init; }
}

/// <summary>Runs related to a run.</summary>
public sealed record RelatedRuns
{
    /// <summary>The root of the tree, when not this run.</summary>
    public RunSummary? Root { get; init; }
    /// <summary>The parent.</summary>
    public RunSummary? Parent { get; init; }
    /// <summary>The children.</summary>
    public IReadOnlyList<RunSummary>? Children { get; init; }
}

/// <summary>One run of <c>GET /api/v1/runs</c>: the common fields and its environment.</summary>
public sealed record ListedRun : RunSummary
{
    /// <summary>The environment the run belongs to.</summary>
    public RunEnvironment Env { get; init; } = new("", "");
}

/// <summary><c>{"id": ..., "name": ...}</c> of an environment.</summary>
public sealed record RunEnvironment(string Id, string Name);

/// <summary>Response of <c>GET /api/v1/runs</c>: a page and the cursors around it.</summary>
public sealed record ListRunsResponse(IReadOnlyList<ListedRun> Data, ListPagination Pagination);

/// <summary>Cursors: pass <see cref="Next"/> as <c>page[after]</c>, <see cref="Previous"/> as <c>page[before]</c>.</summary>
public sealed record ListPagination(string? Next = null, string? Previous = null);
