using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Tasks.Sdk.Protocol;

// Trigger.dev's public REST shapes (see docs/wire-protocol.md). Optional fields are null here and omitted on the wire.

/// <summary>Body of <c>POST /api/v1/tasks/{taskId}/trigger</c>.</summary>
public sealed record TriggerTaskRequest(JsonElement? Payload, TriggerRequestOptions? Options = null);

/// <summary>The <c>options</c> of a trigger or of a batch item.</summary>
public sealed record TriggerRequestOptions
{
    /// <summary>The queue to run in, <c>{"name": ...}</c>.</summary>
    public QueueReference? Queue { get; init; }

    /// <summary>A per-key copy of the queue's concurrency limit (string or number on the wire).</summary>
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? ConcurrencyKey { get; init; }

    /// <summary>A duration (<c>"1h30m"</c>) or an ISO date.</summary>
    public string? Delay { get; init; }

    /// <summary>A duration (<c>"10m"</c>) or whole seconds; 0 disables.</summary>
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Ttl { get; init; }

    /// <summary>The hashed idempotency key.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>How long the key holds (<c>^\d+[smhd]$</c>, default 30d).</summary>
    [JsonPropertyName("idempotencyKeyTTL")]
    public string? IdempotencyKeyTtl { get; init; }

    /// <summary>The key as the user wrote it and its scope.</summary>
    public IdempotencyKeyOptions? IdempotencyKeyOptions { get; init; }

    /// <summary>Tags: a string or an array of strings on the wire.</summary>
    [JsonConverter(typeof(StringOrArrayConverter))]
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Arbitrary JSON metadata.</summary>
    public JsonObject? Metadata { get; init; }

    /// <summary>Overrides the task's max attempts.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>Max duration in seconds.</summary>
    public double? MaxDuration { get; init; }

    /// <summary>Seconds of queue-time head start.</summary>
    public double? Priority { get; init; }

    /// <summary><c>application/json</c> (default), <c>application/super+json</c> or <c>text/plain</c>.</summary>
    public string? PayloadType { get; init; }

    /// <summary>The run that waits on this one.</summary>
    public string? ParentRunId { get; init; }

    /// <summary>True when the parent waits for this run.</summary>
    public bool? ResumeParentOnCompletion { get; init; }
}

/// <summary><c>{"name": "images"}</c>.</summary>
public sealed record QueueReference(string Name);

/// <summary>The unhashed idempotency key and its scope (<c>run</c>, <c>attempt</c>, <c>global</c>).</summary>
public sealed record IdempotencyKeyOptions(string Key, string Scope);

/// <summary>Response of a trigger.</summary>
public sealed record TriggerTaskResponse(string Id, bool? IsCached = null);

/// <summary>Body of <c>POST /api/v3/batches</c>.</summary>
public sealed record CreateBatchRequest
{
    /// <summary>How many items will follow (1 to 1,000).</summary>
    public int RunCount { get; init; }

    /// <summary>The tasks of the items, sorted and unique.</summary>
    public IReadOnlyList<string>? TaskIdentifiers { get; init; }

    /// <summary>The run that waits on the batch.</summary>
    public string? ParentRunId { get; init; }

    /// <summary>True when the parent waits for the batch.</summary>
    public bool? ResumeParentOnCompletion { get; init; }

    /// <summary>The hashed batch idempotency key.</summary>
    public string? IdempotencyKey { get; init; }
}

/// <summary>Response of a batch creation (HTTP 202).</summary>
public sealed record CreateBatchResponse(string Id, int RunCount, bool IsCached, string? IdempotencyKey = null);

/// <summary>One NDJSON line of <c>POST /api/v3/batches/{id}/items</c>.</summary>
public sealed record BatchItem(int Index, string Task, JsonElement? Payload, TriggerRequestOptions? Options = null);

/// <summary>Response of a batch items stream.</summary>
public sealed record StreamBatchItemsResponse(string Id, int ItemsAccepted, int ItemsDeduplicated, bool Sealed, int? EnqueuedCount = null, int? ExpectedCount = null);

/// <summary>Response of <c>GET /api/v2/batches/{id}</c>.</summary>
public sealed record RetrieveBatchResponse(
    string Id,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int RunCount,
    IReadOnlyList<string> Runs,
    BatchProcessing Processing,
    string? IdempotencyKey = null);

/// <summary>Batch processing state.</summary>
public sealed record BatchProcessing(IReadOnlyList<JsonObject> Errors, DateTimeOffset? CompletedAt = null);

/// <summary>Response of a cancel, a replay or a key reset.</summary>
public sealed record RunIdResponse(string Id);

/// <summary>An error body: <c>{"error": "..."}</c>.</summary>
public sealed record ErrorResponse(string Error);

/// <summary>A run error in the API (<c>SerializedError</c>).</summary>
public sealed record SerializedError(string Message, string? Name = null, string? StackTrace = null);

/// <summary>Body of <c>POST /api/v1/runs/{id}/replay</c>: every field optional, overriding the original run's.</summary>
public sealed record ReplayRequest
{
    /// <summary>A different payload.</summary>
    public JsonElement? Payload { get; init; }
    /// <summary>Its type.</summary>
    public string? PayloadType { get; init; }
    /// <summary>Different metadata.</summary>
    public JsonObject? Metadata { get; init; }
    /// <summary>Different tags.</summary>
    [JsonConverter(typeof(StringOrArrayConverter))]
    public IReadOnlyList<string>? Tags { get; init; }
    /// <summary>A different queue.</summary>
    public string? Queue { get; init; }
    /// <summary>A different concurrency key.</summary>
    public string? ConcurrencyKey { get; init; }
    /// <summary>A delay.</summary>
    public string? Delay { get; init; }
    /// <summary>A TTL.</summary>
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Ttl { get; init; }
    /// <summary>An idempotency key.</summary>
    public string? IdempotencyKey { get; init; }
    /// <summary>Attempts in all.</summary>
    public int? MaxAttempts { get; init; }
    /// <summary>Max duration in seconds.</summary>
    public double? MaxDuration { get; init; }
}

/// <summary>Body of <c>POST /api/v1/runs/{id}/reschedule</c>.</summary>
public sealed record RescheduleRequest(string Delay);

/// <summary>Body of <c>POST /api/v1/idempotencyKeys/{key}/reset</c>.</summary>
public sealed record ResetIdempotencyKeyRequest(string TaskIdentifier);

/// <summary>Body of <c>POST /api/v1/runs/{id}/tags</c>: a string or an array of strings.</summary>
public sealed record AddTagsRequest([property: JsonConverter(typeof(StringOrArrayConverter))] IReadOnlyList<string>? Tags);

/// <summary>A plain message answer (<c>{"message": ...}</c>).</summary>
public sealed record MessageResponse(string Message);

/// <summary>Body of <c>PUT /api/v1/runs/{id}/metadata</c>: a replacement and/or operations applied in order.</summary>
public sealed record MetadataUpdate(JsonObject? Metadata = null, IReadOnlyList<MetadataOperation>? Operations = null);

/// <summary>One metadata operation: <c>update{value}</c>, <c>set{key,value}</c>, <c>delete{key}</c>, <c>append{key,value}</c>, <c>remove{key,value}</c>, <c>increment{key,value}</c>.</summary>
public sealed record MetadataOperation(string Type, string? Key = null, JsonNode? Value = null);

/// <summary>Response of a metadata read or update.</summary>
public sealed record MetadataResponse(JsonObject Metadata, string MetadataType = "application/json");

/// <summary>Response of <c>PUT /api/v2/packets/{path}</c>: where to upload, and the path to trigger with.</summary>
public sealed record PresignedPacketResponse(string PresignedUrl, string StoragePath);
