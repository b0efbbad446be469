using System.Globalization;
using System.Text.Json;
using Tasks.Sdk;
using Tasks.Sdk.Protocol;
using Tasks.Server.Storage;

namespace Tasks.Server.Engine;

internal sealed partial class RunEngine
{
    private const int MaxTags = 10;
    private const int MaxTagLength = 128;
    private const int MaxMetadataBytes = 256 * 1024;
    private const int MaxIdempotencyKeyLength = 2048;
    private static readonly TimeSpan DefaultIdempotencyKeyTtl = TimeSpan.FromDays(30);

    /// <summary>Triggers one run. A repeated request idempotency key returns the first response; a live idempotency key returns its run.</summary>
    public async Task<TriggerTaskResponse> TriggerAsync(EnvironmentRecord env, string taskId, TriggerTaskRequest request, string? requestKey, CancellationToken cancellationToken)
    {
        var response = await store.WriteAsync(async tx =>
        {
            var scope = "trigger:" + taskId;
            if (requestKey is not null && await tx.GetRequestResponseAsync(env.Id, scope, requestKey) is { } saved)
            {
                return JsonSerializer.Deserialize(saved, ProtocolJsonContext.Default.TriggerTaskResponse)!;
            }

            var (run, cached) = await CreateRunAsync(tx, env, taskId, request.Payload, request.Options, batch: null, index: null, Now);
            var result = new TriggerTaskResponse(run.Id, cached);
            if (requestKey is not null)
            {
                await tx.SaveRequestResponseAsync(env.Id, scope, requestKey, JsonSerializer.Serialize(result, ProtocolJsonContext.Default.TriggerTaskResponse), Now);
            }

            return result;
        }, cancellationToken);
        signals.Pulse();
        return response;
    }

    private static async Task<(RunRecord Run, bool Cached)> CreateRunAsync(
        IRunTransaction tx, EnvironmentRecord env, string taskId, JsonElement? payload, TriggerRequestOptions? options, BatchRecord? batch, int? index, long now,
        RunLookups? lookups = null)
    {
        var task = await (lookups?.GetTaskAsync(env.Id, taskId) ?? tx.GetTaskAsync(env.Id, taskId))
            ?? throw ApiProblem.NotFound($"Task not found: '{taskId}'. No worker has registered a task with this id in the {env.Type} environment.");
        var o = options ?? new TriggerRequestOptions();
        var tags = ValidateTags(o.Tags);
        var metadata = o.Metadata?.ToJsonString();
        ValidateMetadata(metadata);
        if (o.IdempotencyKey is { Length: > MaxIdempotencyKeyLength })
        {
            throw ApiProblem.BadRequest($"Idempotency keys can be at most {MaxIdempotencyKeyLength} characters long; this one has {o.IdempotencyKey.Length}.");
        }

        var (payloadText, payloadType) = await ResolvePayloadAsync(tx, env, payload, o.PayloadType ?? PayloadCodec.Json);

        var parentId = batch?.ParentRunId ?? o.ParentRunId;
        var resumeParent = batch is null && o.ResumeParentOnCompletion == true;
        RunRecord? parent = null;
        if (parentId is not null)
        {
            parent = await (resumeParent || lookups is null ? tx.GetRunAsync(parentId) : lookups.GetParentAsync(parentId)) is { } p && p.EnvironmentId == env.Id ? p : throw ApiProblem.NotFound($"Parent run not found: '{parentId}'.");
            if (resumeParent && parent.Status != RunStatuses.Executing)
            {
                throw ApiProblem.Unprocessable($"Parent run {parentId} is {parent.Status}; a run can only wait while it is EXECUTING.");
            }
        }

        if (o.IdempotencyKey is { } key)
        {
            if (await tx.FindRunByIdempotencyKeyAsync(env.Id, taskId, key) is { } existing)
            {
                if (existing.IdempotencyExpiresAt > now && !RunStatuses.FreesIdempotencyKey(existing.Status))
                {
                    if (resumeParent)
                    {
                        await BeginWaitAsync(tx, parent!, existing.Id, RunStatuses.IsFinal(existing.Status), now);
                    }

                    return (existing, true);
                }

                await tx.UpdateRunAsync(existing with { IdempotencyKey = null, UpdatedAt = now });
            }
        }

        var queue = task.Queue;
        if (o.Queue?.Name is { Length: > 0 } queueName)
        {
            queue = queueName;
            await tx.EnsureQueueAsync(env.Id, queue);
        }

        var delayUntil = ParseDelay(o.Delay, now);
        var availableAt = delayUntil ?? now;
        var ttlMs = o.Ttl is { } ttl ? ParseDurationMs(ttl, "ttl") : task.TtlMs;
        var run = new RunRecord
        {
            Id = RunIds.NewRunId(),
            EnvironmentId = env.Id,
            TaskId = taskId,
            Status = delayUntil is null ? RunStatuses.Queued : RunStatuses.Delayed,
            Payload = payloadText,
            PayloadType = payloadType,
            Tags = JsonSerializer.Serialize(tags.Order(StringComparer.Ordinal).ToList(), ServerJsonContext.Default.ListString),
            Metadata = metadata,
            Queue = queue,
            ConcurrencyKey = o.ConcurrencyKey ?? "",
            QueueAt = now - (long)((o.Priority ?? 0) * 1000),
            IdempotencyKey = o.IdempotencyKey,
            IdempotencyKeyUser = o.IdempotencyKeyOptions?.Key ?? o.IdempotencyKey,
            IdempotencyExpiresAt = o.IdempotencyKey is null ? null
                : now + (o.IdempotencyKeyTtl is { } keyTtl ? ParseDurationMs(keyTtl, "idempotencyKeyTTL") ?? 0 : (long)DefaultIdempotencyKeyTtl.TotalMilliseconds),
            MaxAttempts = o.MaxAttempts is > 0 and var attempts ? attempts : task.MaxAttempts,
            MaxDurationMs = o.MaxDuration is > 0 and var seconds ? (long)(seconds * 1000) : task.MaxDurationMs,
            Ttl = o.Ttl ?? (task.TtlMs is { } taskTtl ? Durations.Format(TimeSpan.FromMilliseconds(taskTtl)) : null),
            TtlExpiresAt = ttlMs is > 0 ? availableAt + ttlMs : null,
            DelayUntil = delayUntil,
            AvailableAt = availableAt,
            CreatedAt = now,
            UpdatedAt = now,
            ParentRunId = parent?.Id,
            RootRunId = parent is null ? null : parent.RootRunId ?? parent.Id,
            Depth = parent is null ? 0 : parent.Depth + 1,
            TriggerFunction = batch is null
                ? (resumeParent ? "triggerAndWait" : "trigger")
                : (batch.ResumeParent ? "batchTriggerAndWait" : "batchTrigger"),
            BatchId = batch?.Id,
            BatchIndex = index,
            ResumeParent = resumeParent,
        };
        await tx.InsertRunAsync(run);
        if (resumeParent)
        {
            await BeginWaitAsync(tx, parent!, run.Id, alreadyDone: false, now);
        }

        return (run, false);
    }

    /// <summary>
    /// An <c>application/store</c> payload names a packet uploaded through a presigned URL: the run keeps the packet's content
    /// (as a JSON string, like an inline SuperJSON or text payload) and its real type, so everything downstream reads it as usual.
    /// </summary>
    private static async Task<(string Text, string Type)> ResolvePayloadAsync(IRunTransaction tx, EnvironmentRecord env, JsonElement? payload, string payloadType)
    {
        if (payloadType != PayloadCodec.Store)
        {
            return (payload?.GetRawText() ?? "null", PayloadCodec.Validate(payloadType));
        }

        if (payload is not { ValueKind: JsonValueKind.String } path || path.GetString() is not { Length: > 0 } storagePath)
        {
            throw ApiProblem.BadRequest("An application/store payload must be the non-empty storage path returned by the packet presign call.");
        }

        var packet = await tx.GetPacketAsync(env.Id, storagePath)
            ?? throw ApiProblem.BadRequest($"No packet was uploaded at '{storagePath}'; upload it to the presigned URL before triggering.");
        var type = PayloadCodec.Validate(packet.ContentType.Split(';')[0].Trim());
        var text = System.Text.Encoding.UTF8.GetString(packet.Data);
        return (type == PayloadCodec.Json ? text : JsonSerializer.Serialize(text, ServerJsonContext.Default.String), type);
    }

    private static void ValidateMetadata(string? metadata)
    {
        if (metadata is not null && System.Text.Encoding.UTF8.GetByteCount(metadata) > MaxMetadataBytes)
        {
            throw ApiProblem.Unprocessable($"Run metadata can be at most {MaxMetadataBytes / 1024} KiB.");
        }
    }

    private static IReadOnlyList<string> ValidateTags(IReadOnlyList<string>? tags)
    {
        tags ??= [];
        if (tags.Count > MaxTags)
        {
            throw ApiProblem.Unprocessable($"Runs can have at most {MaxTags} tags; this one has {tags.Count}.");
        }

        if (tags.FirstOrDefault(t => t.Length > MaxTagLength) is { } tooLong)
        {
            throw ApiProblem.Unprocessable($"Tags can be at most {MaxTagLength} characters long: '{tooLong[..20]}…' is {tooLong.Length}.");
        }

        return tags;
    }

    private static long? ParseDelay(string? delay, long now)
    {
        if (string.IsNullOrWhiteSpace(delay))
        {
            return null;
        }

        if (Durations.TryParse(delay, out var duration))
        {
            return duration > TimeSpan.Zero ? now + (long)duration.TotalMilliseconds : null;
        }

        if (DateTimeOffset.TryParse(delay, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            var due = at.ToUnixTimeMilliseconds();
            return due > now ? due : null;
        }

        throw ApiProblem.BadRequest($"Invalid delay '{delay}': write a duration such as \"30s\" or \"1h30m\", or an ISO 8601 date.");
    }

    private static long? ParseDurationMs(string value, string field) =>
        Durations.TryParse(value, out var duration)
            ? (long)duration.TotalMilliseconds
            : throw ApiProblem.BadRequest($"Invalid {field} '{value}': write a duration such as \"10m\" or a number of seconds.");
}
