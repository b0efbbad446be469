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

    [Post("/api/v2/runs/{runId}/cancel")]
    Task<IApiResponse<RunIdResponse>> CancelRunAsync(string runId, CancellationToken cancellationToken);
}
