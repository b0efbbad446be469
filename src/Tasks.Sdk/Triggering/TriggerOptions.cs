using System.Text.Json.Nodes;

namespace Tasks.Sdk;

/// <summary>Per-trigger options; anything left null falls back to the task's own options.</summary>
public sealed record TriggerOptions
{
    /// <summary>A second trigger with the same key returns the same run instead of a new one, for <see cref="IdempotencyKeyTtl"/>.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>How long the idempotency key holds (default 30 days).</summary>
    public TimeSpan? IdempotencyKeyTtl { get; init; }

    /// <summary>What the idempotency key is unique within: the parent run (default inside a task), the parent's attempt, or everything.</summary>
    public IdempotencyKeyScope IdempotencyKeyScope { get; init; } = IdempotencyKeyScope.Run;

    /// <summary>Run no earlier than this long from now; the run is <c>DELAYED</c> until then.</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>Expire the run if it has not started this long after the trigger.</summary>
    public TimeSpan? Ttl { get; init; }

    /// <summary>Tags to find the run by (at most 10, each at most 128 characters).</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Arbitrary JSON metadata the task reads through its <see cref="TaskContext"/>.</summary>
    public JsonObject? Metadata { get; init; }

    /// <summary>Overrides the task's max attempts.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>Run in this queue instead of the task's.</summary>
    public string? Queue { get; init; }

    /// <summary>Runs with different keys get separate copies of the queue's concurrency limit (e.g. one per user).</summary>
    public string? ConcurrencyKey { get; init; }

    /// <summary>A head start in the queue: a run with priority 10s goes before runs triggered up to 10 s earlier.</summary>
    public TimeSpan? Priority { get; init; }

    /// <summary>Longest one attempt may run.</summary>
    public TimeSpan? MaxDuration { get; init; }
}

/// <summary>The scope of an idempotency key, as in Trigger.dev.</summary>
public enum IdempotencyKeyScope
{
    /// <summary>Unique per parent run (global outside a task): a retried parent gets the same child back.</summary>
    Run,
    /// <summary>Unique per parent attempt: a retried parent triggers the child again.</summary>
    Attempt,
    /// <summary>Unique across the environment.</summary>
    Global,
}
