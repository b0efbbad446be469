using System.Text.Json.Nodes;

namespace Tasks.Sdk.Protocol;

// The worker protocol (ours, not Trigger.dev's): register, long-poll leases, heartbeat, complete, long-poll resumes.
// See docs/worker-protocol.md.

/// <summary>Body of <c>POST /api/worker/v1/register</c>: the tasks a worker can run.</summary>
public sealed record RegisterWorkerRequest(string WorkerId, IReadOnlyList<TaskRegistration> Tasks);

/// <summary>A task as a worker declares it, durations in milliseconds.</summary>
public sealed record TaskRegistration
{
    /// <summary>The task id.</summary>
    public required string Id { get; init; }
    /// <summary>Its queue.</summary>
    public required string Queue { get; init; }
    /// <summary>0 = unlimited.</summary>
    public int ConcurrencyLimit { get; init; }
    /// <summary>Attempts in all.</summary>
    public int MaxAttempts { get; init; }
    /// <summary>First retry delay.</summary>
    public long MinRetryDelayMs { get; init; }
    /// <summary>Largest retry delay.</summary>
    public long MaxRetryDelayMs { get; init; }
    /// <summary>Growth factor of the retry delay.</summary>
    public double RetryFactor { get; init; }
    /// <summary>Randomizes each retry delay between 1x and 2x.</summary>
    public bool RandomizeRetry { get; init; }
    /// <summary>Longest an attempt may run.</summary>
    public long? MaxDurationMs { get; init; }
    /// <summary>Default TTL of its runs.</summary>
    public long? TtlMs { get; init; }
}

/// <summary>Body of <c>POST /api/worker/v1/lease</c>: a long-poll for up to <see cref="Max"/> runs.</summary>
/// <param name="WorkerId">The worker asking.</param>
/// <param name="RequestId">Unique per logical request: a retried request returns the runs it already leased.</param>
/// <param name="Tasks">The tasks the worker runs.</param>
/// <param name="Max">Free slots on the worker.</param>
/// <param name="WaitMs">How long the server may hold the request when nothing is due.</param>
public sealed record LeaseRunsRequest(string WorkerId, string RequestId, IReadOnlyList<string> Tasks, int Max, int WaitMs);

/// <summary>Runs leased to a worker.</summary>
public sealed record LeaseRunsResponse(IReadOnlyList<LeasedRun> Runs, int LeaseMs);

/// <summary>One attempt of a run, leased to a worker until its lease expires (heartbeats extend it).</summary>
public sealed record LeasedRun
{
    /// <summary>The run.</summary>
    public required string RunId { get; init; }
    /// <summary>Its task.</summary>
    public required string TaskId { get; init; }
    /// <summary>The attempt number, from 1.</summary>
    public int Attempt { get; init; }
    /// <summary>The payload as plain JSON text.</summary>
    public required string Payload { get; init; }
    /// <summary>The waiting parent.</summary>
    public string? ParentRunId { get; init; }
    /// <summary>Tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>Metadata.</summary>
    public JsonObject? Metadata { get; init; }
    /// <summary>Longest this attempt may run.</summary>
    public long? MaxDurationMs { get; init; }
}

/// <summary>Body of <c>POST /api/worker/v1/heartbeat</c>: extends the leases of the runs a worker holds.</summary>
public sealed record HeartbeatRequest(string WorkerId, IReadOnlyList<string> RunIds);

/// <summary>Runs the worker holds that were cancelled (their tokens should fire) or are no longer its own.</summary>
public sealed record HeartbeatResponse(IReadOnlyList<string> CanceledRunIds);

/// <summary>Body of <c>POST /api/worker/v1/complete</c>: the outcomes of attempts that ended, as many as ended since the last call.</summary>
public sealed record CompleteRunsRequest(string WorkerId, IReadOnlyList<AttemptOutcome> Outcomes);

/// <summary>How one attempt ended.</summary>
public sealed record AttemptOutcome
{
    /// <summary>The run.</summary>
    public required string RunId { get; init; }
    /// <summary>The attempt that ended.</summary>
    public int Attempt { get; init; }
    /// <summary>True when the task returned.</summary>
    public bool Ok { get; init; }
    /// <summary>The output JSON text (none for tasks without output).</summary>
    public string? Output { get; init; }
    /// <summary>The error when not ok.</summary>
    public SerializedError? Error { get; init; }
    /// <summary>False for errors retrying cannot fix (a payload that does not deserialize).</summary>
    public bool Retryable { get; init; } = true;
    /// <summary>True when the attempt exceeded its max duration.</summary>
    public bool TimedOut { get; init; }
}

/// <summary>The status each run has after its outcome was recorded (<c>NOT_FOUND</c> for a run the caller cannot see).</summary>
public sealed record CompleteRunsResponse(IReadOnlyList<RunStatusUpdate> Runs);

/// <summary>A run and its status.</summary>
public sealed record RunStatusUpdate(string RunId, string Status);

/// <summary>Body of <c>POST /api/worker/v1/runs/{runId}/wait</c>: a long-poll until a waiting run may continue.</summary>
public sealed record WaitForResumeRequest(string WorkerId, int WaitMs);

/// <summary>
/// <c>resumed</c> with the waited-on runs' results (in item order), <c>pending</c> when the long-poll timed out,
/// or <c>canceled</c> when the waiting run was cancelled.
/// </summary>
public sealed record WaitForResumeResponse(string State, IReadOnlyList<WaitedRunResult>? Results = null);

/// <summary>The result of one run a parent waited on.</summary>
public sealed record WaitedRunResult(bool Ok, string Id, string TaskIdentifier, string? Output = null, SerializedError? Error = null);
