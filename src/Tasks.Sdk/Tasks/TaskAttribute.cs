namespace Tasks.Sdk;

/// <summary>
/// Marks a method as a task. The source generator emits a typed trigger client and a dispatch entry for it.
/// The method takes one payload parameter, optionally a <see cref="TaskContext"/> and a <see cref="CancellationToken"/>,
/// and returns <c>Task&lt;T&gt;</c>, <c>ValueTask&lt;T&gt;</c>, <c>Task</c> or <c>ValueTask</c>.
/// </summary>
/// <remarks>Durations are written the way Trigger.dev writes them: <c>"500ms"</c>, <c>"30s"</c>, <c>"10m"</c>, <c>"1h30m"</c>, <c>"2d"</c>.</remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class TaskAttribute(string id) : Attribute
{
    /// <summary>The task identifier, unique per environment and stable across deploys (e.g. <c>"resize-image"</c>).</summary>
    public string Id { get; } = id;

    /// <summary>Attempts in all, the first included. 0 means the default (<see cref="TaskOptions.DefaultMaxAttempts"/>).</summary>
    public int MaxAttempts { get; set; }

    /// <summary>Delay before the first retry (default <c>"1s"</c>).</summary>
    public string? MinRetryDelay { get; set; }

    /// <summary>Upper bound of the retry delay (default <c>"10s"</c>).</summary>
    public string? MaxRetryDelay { get; set; }

    /// <summary>Growth factor of the retry delay per attempt (default 2). 0 means the default.</summary>
    public double RetryFactor { get; set; }

    /// <summary>Multiplies each retry delay by a random factor between 1 and 2, so failed runs do not retry in lockstep.</summary>
    public bool RandomizeRetry { get; set; }

    /// <summary>The queue the task's runs wait in (default: a queue of the task's own, <c>task/&lt;id&gt;</c>).</summary>
    public string? Queue { get; set; }

    /// <summary>How many of the queue's runs may execute at once. 0 means unlimited.</summary>
    public int ConcurrencyLimit { get; set; }

    /// <summary>Longest a single attempt may run before it is cancelled and the run ends <c>TIMED_OUT</c> (e.g. <c>"5m"</c>).</summary>
    public string? MaxDuration { get; set; }

    /// <summary>A run that has not started this long after it was triggered ends <c>EXPIRED</c> (e.g. <c>"1h"</c>).</summary>
    public string? Ttl { get; set; }
}
