using System.Text.Json;
using System.Text.Json.Nodes;
using Tasks.Sdk;
using Tasks.Sdk.Protocol;
using Tasks.Server.Api;
using Tasks.Server.Storage;

namespace Tasks.Server.Engine;

internal sealed partial class RunEngine
{
    private const int MaxPageSize = 100;

    /// <summary>A page of runs, newest first, with cursors for the next (older) and previous (newer) pages.</summary>
    public async Task<ListRunsResponse> ListRunsAsync(EnvironmentRecord env, RunFilter query, CancellationToken cancellationToken)
    {
        var page = await ListRunRecordsAsync(env, query, cancellationToken);
        return new ListRunsResponse(page.Runs.Select(r => RunPresenter.Listed(r, env)).ToList(), new ListPagination(page.Next, page.Previous));
    }

    /// <summary>A new run of the same task with the same payload and options, optionally overridden.</summary>
    public async Task<RunIdResponse> ReplayAsync(EnvironmentRecord env, string runId, ReplayRequest? overrides, CancellationToken cancellationToken)
    {
        var response = await store.WriteAsync(async tx =>
        {
            var original = await RequireRunAsync(tx, env.Id, runId);
            var options = new TriggerRequestOptions
            {
                Queue = new QueueReference(overrides?.Queue ?? original.Queue),
                ConcurrencyKey = overrides?.ConcurrencyKey ?? (original.ConcurrencyKey.Length > 0 ? original.ConcurrencyKey : null),
                Tags = overrides?.Tags ?? JsonSerializer.Deserialize(original.Tags, ServerJsonContext.Default.ListString),
                Metadata = overrides?.Metadata ?? (original.Metadata is null ? null : JsonNode.Parse(original.Metadata) as JsonObject),
                MaxAttempts = overrides?.MaxAttempts ?? original.MaxAttempts,
                MaxDuration = overrides?.MaxDuration ?? original.MaxDurationMs / 1000.0,
                Delay = overrides?.Delay,
                Ttl = overrides?.Ttl,
                IdempotencyKey = overrides?.IdempotencyKey,
                PayloadType = overrides?.PayloadType ?? original.PayloadType,
            };
            using var payload = JsonDocument.Parse(overrides?.Payload is { } replacement ? replacement.GetRawText() : original.Payload);
            var (run, _) = await CreateRunAsync(tx, env, original.TaskId, payload.RootElement, options, batch: null, index: null, Now);
            return new RunIdResponse(run.Id);
        }, cancellationToken);
        signals.Pulse();
        return response;
    }

    /// <summary>Moves a DELAYED run's due time; any other status is refused (422).</summary>
    public async Task<RunResponse> RescheduleAsync(EnvironmentRecord env, string runId, string delay, CancellationToken cancellationToken)
    {
        await store.WriteAsync(async tx =>
        {
            var run = await RequireRunAsync(tx, env.Id, runId);
            if (run.Status != RunStatuses.Delayed)
            {
                throw ApiProblem.Unprocessable($"Run {runId} is {run.Status}; only DELAYED runs can be rescheduled.");
            }

            var now = Now;
            var due = ParseDelay(delay, now) ?? now;
            await tx.UpdateRunAsync(run with
            {
                DelayUntil = due,
                AvailableAt = due,
                TtlExpiresAt = run.TtlExpiresAt is { } expires ? due + (expires - run.AvailableAt) : null,
                UpdatedAt = now,
            });
            return 0;
        }, cancellationToken);
        signals.Pulse();
        return await RetrieveRunAsync(env, runId, cancellationToken);
    }

    /// <summary>Frees an idempotency key so the next trigger with it makes a new run.</summary>
    public Task<RunIdResponse> ResetIdempotencyKeyAsync(EnvironmentRecord env, string key, string taskId, CancellationToken cancellationToken) =>
        store.WriteAsync(async tx =>
        {
            var run = await tx.FindRunByIdempotencyKeyAsync(env.Id, taskId, key)
                ?? throw ApiProblem.NotFound($"No run of task '{taskId}' holds this idempotency key.");
            await tx.UpdateRunAsync(run with { IdempotencyKey = null, UpdatedAt = Now });
            return new RunIdResponse(run.Id);
        }, cancellationToken);

    /// <summary>Adds tags to a run (at most 10 in all).</summary>
    public Task AddTagsAsync(EnvironmentRecord env, string runId, IReadOnlyList<string> tags, CancellationToken cancellationToken) =>
        store.WriteAsync(async tx =>
        {
            var run = await RequireRunAsync(tx, env.Id, runId);
            var merged = (JsonSerializer.Deserialize(run.Tags, ServerJsonContext.Default.ListString) ?? []).Union(tags).ToList();
            ValidateTags(merged);
            await tx.UpdateRunAsync(run with { Tags = JsonSerializer.Serialize(merged.Order(StringComparer.Ordinal).ToList(), ServerJsonContext.Default.ListString), UpdatedAt = Now });
            return 0;
        }, cancellationToken);

    /// <summary>A run's metadata.</summary>
    public Task<JsonObject> GetMetadataAsync(EnvironmentRecord env, string runId, CancellationToken cancellationToken) =>
        store.ReadAsync(async reader => ParseMetadata((await RequireRunAsync(reader, env.Id, runId)).Metadata), cancellationToken);

    /// <summary>Replaces a run's metadata and/or applies Trigger.dev's metadata operations in order; returns the result.</summary>
    public Task<JsonObject> UpdateMetadataAsync(EnvironmentRecord env, string runId, MetadataUpdate update, CancellationToken cancellationToken) =>
        store.WriteAsync(async tx =>
        {
            var run = await RequireRunAsync(tx, env.Id, runId);
            var metadata = update.Metadata is { } replacement ? (JsonObject)replacement.DeepClone() : ParseMetadata(run.Metadata);
            foreach (var operation in update.Operations ?? [])
            {
                MetadataOperations.Apply(metadata, operation);
            }

            var text = metadata.ToJsonString();
            ValidateMetadata(text);
            await tx.UpdateRunAsync(run with { Metadata = text, UpdatedAt = Now });
            return metadata;
        }, cancellationToken);

    private static JsonObject ParseMetadata(string? metadata) => metadata is null ? [] : JsonNode.Parse(metadata) as JsonObject ?? [];
}
