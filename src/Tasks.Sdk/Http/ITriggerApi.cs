using Refit;
using Tasks.Sdk.Protocol;

namespace Tasks.Sdk.Http;

/// <summary>The Trigger.dev REST endpoints the SDK calls. Refit generates the implementation at build time.</summary>
internal interface ITriggerApi
{
    [Post("/api/v1/tasks/{taskId}/trigger")]
    Task<IApiResponse<TriggerTaskResponse>> TriggerAsync(
        string taskId,
        [Body] TriggerTaskRequest body,
        [Header(RequestIdempotency.HeaderName)] string requestIdempotencyKey,
        CancellationToken cancellationToken);

    [Post("/api/v3/batches")]
    Task<IApiResponse<CreateBatchResponse>> CreateBatchAsync(
        [Body] CreateBatchRequest body,
        [Header(RequestIdempotency.HeaderName)] string requestIdempotencyKey,
        CancellationToken cancellationToken);

    [Post("/api/v3/batches/{batchId}/items")]
    Task<IApiResponse<StreamBatchItemsResponse>> StreamBatchItemsAsync(string batchId, [Body] HttpContent ndjson, CancellationToken cancellationToken);

    [Get("/api/v2/batches/{batchId}")]
    Task<IApiResponse<RetrieveBatchResponse>> RetrieveBatchAsync(string batchId, CancellationToken cancellationToken);

    [Get("/api/v3/runs/{runId}")]
    Task<IApiResponse<RunResponse>> RetrieveRunAsync(string runId, CancellationToken cancellationToken);

    [Get("/api/v1/runs")]
    Task<IApiResponse<ListRunsResponse>> ListRunsAsync(
        [AliasAs("filter[status]")] string? statuses,
        [AliasAs("filter[taskIdentifier]")] string? taskIds,
        [AliasAs("filter[tag]")] string? tags,
        [AliasAs("filter[createdAt][from]")] long? createdFrom,
        [AliasAs("filter[createdAt][to]")] long? createdTo,
        [AliasAs("filter[batch]")] string? batchId,
        [AliasAs("filter[queue]")] string? queue,
        [AliasAs("page[size]")] int? size,
        [AliasAs("page[after]")] string? after,
        CancellationToken cancellationToken);

    [Post("/api/v1/runs/{runId}/replay")]
    Task<IApiResponse<RunIdResponse>> ReplayRunAsync(string runId, CancellationToken cancellationToken);

    [Post("/api/v1/runs/{runId}/reschedule")]
    Task<IApiResponse<RunResponse>> RescheduleRunAsync(string runId, [Body] RescheduleRequest body, CancellationToken cancellationToken);

    [Post("/api/v1/idempotencyKeys/{key}/reset")]
    Task<IApiResponse<RunIdResponse>> ResetIdempotencyKeyAsync(string key, [Body] ResetIdempotencyKeyRequest body, CancellationToken cancellationToken);

    [Post("/api/v1/runs/{runId}/tags")]
    Task<IApiResponse<MessageResponse>> AddTagsAsync(string runId, [Body] AddTagsRequest body, CancellationToken cancellationToken);

    [Put("/api/v1/runs/{runId}/metadata")]
    Task<IApiResponse<MetadataResponse>> UpdateMetadataAsync(string runId, [Body] MetadataUpdate body, CancellationToken cancellationToken);

    [Post("/api/v2/runs/{runId}/cancel")]
    Task<IApiResponse<RunIdResponse>> CancelRunAsync(string runId, CancellationToken cancellationToken);
}
