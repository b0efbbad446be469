using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using Refit;
using Tasks.Sdk.Http;
using Tasks.Sdk.Protocol;

namespace Tasks.Sdk;

/// <summary>
/// The SDK's connection to the server. Generated typed clients (<c>IImageTasksClient</c> and the like) are thin wrappers over it;
/// use it directly to read or cancel a run by id.
/// </summary>
public sealed partial class TasksClient
{
    /// <summary>Trigger.dev's batch size limit.</summary>
    public const int MaxBatchSize = 1000;

    private readonly ITriggerApi _api;
    private readonly TasksClientOptions _options;
    private readonly TimeProvider _time;

    internal TasksClient(ITriggerApi api, IOptions<TasksClientOptions> options, TimeProvider time)
    {
        _api = api;
        _options = options.Value;
        _time = time;
        Json = WithResolver(_options.JsonSerializerOptions);
    }

    /// <summary>The options payloads and outputs go through, on both the triggering and the executing side.</summary>
    internal JsonSerializerOptions Json { get; }

    /// <summary>A handle for a run triggered elsewhere (by id): read it, wait for it, cancel it.</summary>
    public RunHandle GetHandle(string runId) => new(this, runId, isCached: false, publicAccessToken: null);

    /// <summary>Reads a run by id.</summary>
    public async Task<Run> RetrieveRunAsync(string runId, CancellationToken cancellationToken = default) =>
        new(await RetrieveRunResponseAsync(runId, cancellationToken));

    /// <summary>Cancels a run by id.</summary>
    public async Task CancelRunAsync(string runId, CancellationToken cancellationToken = default) =>
        (await _api.CancelRunAsync(runId, cancellationToken)).EnsureOk();

    internal string Serialize<T>(T value) => JsonSerializer.Serialize(value, TypeInfo<T>());

    internal T Deserialize<T>(JsonElement json) => json.Deserialize(TypeInfo<T>())!;

    internal T Deserialize<T>(string json) => JsonSerializer.Deserialize(json, TypeInfo<T>())!;

    internal async Task<TriggeredRun> TriggerAsync(string taskId, string payloadJson, TriggerOptions? options, TaskContext? waitingParent, CancellationToken cancellationToken)
    {
        var body = new TriggerTaskRequest(ParsePayload(payloadJson), RequestOptions(options, waitingParent, includeParent: true));
        var response = await _api.TriggerAsync(taskId, body, RequestIdempotency.NewKey(), cancellationToken);
        var content = response.ContentOrThrow();
        return new TriggeredRun(content.Id, content.IsCached ?? false, PublicToken(response));
    }

    internal async Task<TriggeredBatch> BatchTriggerAsync(string taskId, IReadOnlyList<string> payloads, TriggerOptions? options, TaskContext? waitingParent, CancellationToken cancellationToken)
    {
        if (payloads.Count is 0 or > MaxBatchSize)
        {
            throw new ArgumentException($"A batch holds 1 to {MaxBatchSize} items; this one has {payloads.Count}.", nameof(payloads));
        }

        var create = new CreateBatchRequest
        {
            RunCount = payloads.Count,
            TaskIdentifiers = [taskId],
            ParentRunId = waitingParent?.RunId,
            ResumeParentOnCompletion = waitingParent is null ? null : true,
        };
        var created = await _api.CreateBatchAsync(create, RequestIdempotency.NewKey(), cancellationToken);
        var batch = created.ContentOrThrow();
        if (!batch.IsCached)
        {
            using var ndjson = BatchItemsContent(taskId, payloads, RequestOptions(options, waitingParent, includeParent: false));
            var streamed = (await _api.StreamBatchItemsAsync(batch.Id, ndjson, cancellationToken)).ContentOrThrow();
            if (!streamed.Sealed)
            {
                throw new TasksApiException(HttpStatusCode.Conflict, $"Batch {batch.Id} was not sealed: {streamed.EnqueuedCount} of {streamed.ExpectedCount} items arrived.");
            }
        }

        return new TriggeredBatch(batch.Id, batch.RunCount, PublicToken(created));
    }

    internal async Task<IReadOnlyList<WaitedRunResult>> TriggerAndWaitAsync(string taskId, string payloadJson, TriggerOptions? options, TaskContext parent, CancellationToken cancellationToken)
    {
        using var wait = parent.BeginWait(nameof(TaskClient<object>.TriggerAndWaitAsync));
        await TriggerAsync(taskId, payloadJson, options, parent, cancellationToken);
        return await parent.Waiter.WaitForResumeAsync(parent.RunId, cancellationToken);
    }

    internal async Task<(string BatchId, IReadOnlyList<WaitedRunResult> Results)> BatchTriggerAndWaitAsync(string taskId, IReadOnlyList<string> payloads, TriggerOptions? options, TaskContext parent, CancellationToken cancellationToken)
    {
        using var wait = parent.BeginWait(nameof(TaskClient<object>.BatchTriggerAndWaitAsync));
        var batch = await BatchTriggerAsync(taskId, payloads, options, parent, cancellationToken);
        return (batch.Id, await parent.Waiter.WaitForResumeAsync(parent.RunId, cancellationToken));
    }

    internal async Task<RunResponse> RetrieveRunResponseAsync(string runId, CancellationToken cancellationToken) =>
        (await _api.RetrieveRunAsync(runId, cancellationToken)).ContentOrThrow();

    internal async Task<RetrieveBatchResponse> RetrieveBatchAsync(string batchId, CancellationToken cancellationToken) =>
        (await _api.RetrieveBatchAsync(batchId, cancellationToken)).ContentOrThrow();

    internal async Task<RunResponse> PollUntilFinishedAsync(string runId, CancellationToken cancellationToken)
    {
        var interval = _options.PollInterval;
        while (true)
        {
            var run = await RetrieveRunResponseAsync(runId, cancellationToken);
            if (RunStatusNames.Parse(run.Status).IsFinal())
            {
                return run;
            }

            await Task.Delay(interval, _time, cancellationToken);
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, _options.MaxPollInterval.Ticks));
        }
    }

    private JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Json.GetTypeInfo(typeof(T));

    // Options built with `new JsonSerializerOptions(...)` have no resolver until JsonSerializer first uses them, and GetTypeInfo needs one.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Reflection is the documented fallback only when no JsonSerializerContext is configured and the app allows reflection.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Same: trimmed and AOT apps configure a source-generated context.")]
    private static JsonSerializerOptions WithResolver(JsonSerializerOptions options)
    {
        if (options.TypeInfoResolver is not null)
        {
            return options;
        }

        if (!JsonSerializer.IsReflectionEnabledByDefault)
        {
            throw new InvalidOperationException(
                "This app disables reflection-based JSON: set TasksClientOptions.JsonSerializerOptions.TypeInfoResolver to a JsonSerializerContext that lists every task payload and output type.");
        }

        return new JsonSerializerOptions(options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
    }

    private static JsonElement ParsePayload(string payloadJson)
    {
        using var document = JsonDocument.Parse(payloadJson);
        return document.RootElement.Clone();
    }

    private static TriggerRequestOptions RequestOptions(TriggerOptions? options, TaskContext? waitingParent, bool includeParent) => new()
    {
        Queue = options?.Queue is { } queue ? new QueueReference(queue) : null,
        ConcurrencyKey = options?.ConcurrencyKey,
        Delay = options?.Delay is { } delay ? Durations.Format(delay) : null,
        Ttl = options?.Ttl is { } ttl ? Durations.Format(ttl) : null,
        IdempotencyKey = options?.IdempotencyKey is { } key ? IdempotencyKeys.Hash(key, options.IdempotencyKeyScope, waitingParent) : null,
        IdempotencyKeyTtl = options?.IdempotencyKeyTtl is { } keyTtl ? $"{(long)Math.Ceiling(keyTtl.TotalSeconds)}s" : null,
        IdempotencyKeyOptions = options?.IdempotencyKey is { } rawKey ? new IdempotencyKeyOptions(rawKey, IdempotencyKeys.ScopeName(options.IdempotencyKeyScope)) : null,
        Tags = options?.Tags,
        Metadata = options?.Metadata,
        MaxAttempts = options?.MaxAttempts,
        MaxDuration = options?.MaxDuration?.TotalSeconds,
        Priority = options?.Priority?.TotalSeconds,
        PayloadType = "application/json",
        ParentRunId = includeParent ? waitingParent?.RunId : null,
        ResumeParentOnCompletion = includeParent && waitingParent is not null ? true : null,
    };

    private static ByteArrayContent BatchItemsContent(string taskId, IReadOnlyList<string> payloads, TriggerRequestOptions options)
    {
        var body = new StringBuilder();
        for (var i = 0; i < payloads.Count; i++)
        {
            var item = new BatchItem(i, taskId, ParsePayload(payloads[i]), options);
            body.Append(JsonSerializer.Serialize(item, ProtocolJsonContext.Default.BatchItem)).Append('\n');
        }

        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToString()));
        content.Headers.ContentType = new("application/x-ndjson");
        return content;
    }

    private static string? PublicToken(IApiResponse response) =>
        response.Headers is { } headers && headers.TryGetValues("x-trigger-jwt", out var values) ? values.FirstOrDefault() : null;
}

internal sealed record TriggeredRun(string Id, bool IsCached, string? PublicAccessToken);

internal sealed record TriggeredBatch(string Id, int RunCount, string? PublicAccessToken);
