using System.Text.Json;
using System.Text.Json.Nodes;
using Tasks.Sdk.Protocol;

namespace Tasks.Sdk;

/// <summary>A run as the server last reported it.</summary>
public class Run
{
    /// <summary>A run from a run object; from a list entry (a <see cref="RunSummary"/>) the output, error, attempts and relations stay empty.</summary>
    internal Run(RunSummary response)
    {
        Id = response.Id;
        TaskId = response.TaskIdentifier;
        Status = RunStatusNames.Parse(response.Status);
        var full = response as RunResponse;
        Error = full?.Error is { } e ? new RunError(e.Message, e.Name, e.StackTrace) : null;
        CreatedAt = response.CreatedAt;
        UpdatedAt = response.UpdatedAt;
        StartedAt = response.StartedAt;
        FinishedAt = response.FinishedAt;
        DelayedUntil = response.DelayedUntil;
        AttemptCount = full?.AttemptCount ?? 0;
        Tags = response.Tags;
        Metadata = response.Metadata;
        BatchId = response.BatchId;
        IdempotencyKey = response.IdempotencyKey;
        ParentRunId = full?.RelatedRuns.Parent?.Id;
        ChildRunIds = full?.RelatedRuns.Children?.Select(c => c.Id).ToList() ?? [];
        OutputJson = full?.Output;
    }

    /// <summary>The run id.</summary>
    public string Id { get; }
    /// <summary>The task.</summary>
    public string TaskId { get; }
    /// <summary>Its status.</summary>
    public RunStatus Status { get; }
    /// <summary>The last attempt's error, when it failed.</summary>
    public RunError? Error { get; }
    /// <summary>When it was triggered.</summary>
    public DateTimeOffset CreatedAt { get; }
    /// <summary>When it last changed.</summary>
    public DateTimeOffset UpdatedAt { get; }
    /// <summary>When its first attempt started.</summary>
    public DateTimeOffset? StartedAt { get; }
    /// <summary>When it finished.</summary>
    public DateTimeOffset? FinishedAt { get; }
    /// <summary>When a delayed run becomes due.</summary>
    public DateTimeOffset? DelayedUntil { get; }
    /// <summary>Attempts started so far.</summary>
    public int AttemptCount { get; }
    /// <summary>Its tags.</summary>
    public IReadOnlyList<string> Tags { get; }
    /// <summary>Its metadata.</summary>
    public JsonObject? Metadata { get; }
    /// <summary>The batch it belongs to.</summary>
    public string? BatchId { get; }
    /// <summary>The idempotency key it was triggered with, as written.</summary>
    public string? IdempotencyKey { get; }
    /// <summary>The run waiting on it.</summary>
    public string? ParentRunId { get; }
    /// <summary>Runs it triggered.</summary>
    public IReadOnlyList<string> ChildRunIds { get; }
    /// <summary>The output as JSON, when completed.</summary>
    public JsonElement? OutputJson { get; }

    /// <summary>True once the run will not change again.</summary>
    public bool IsFinished => Status.IsFinal();
    /// <summary>True when it completed successfully.</summary>
    public bool IsSuccess => Status == RunStatus.Completed;
    /// <summary>True when it finished without success.</summary>
    public bool IsFailed => IsFinished && !IsSuccess;

    /// <inheritdoc/>
    public override string ToString() => $"{Id} ({TaskId}) {Status.ToWire()}";
}

/// <summary>A run whose task returns <typeparamref name="TOutput"/>.</summary>
public sealed class Run<TOutput> : Run
{
    internal Run(RunResponse response, TasksClient client)
        : base(response)
    {
        Output = response.Output is { } output && IsSuccess ? client.Deserialize<TOutput>(output) : default;
    }

    /// <summary>The typed output, once the run completed successfully.</summary>
    public TOutput? Output { get; }
}
