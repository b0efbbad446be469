using Refit;
using Tasks.Sdk.Protocol;

namespace Tasks.Sdk.Http;

/// <summary>The worker protocol (docs/worker-protocol.md). Every call is safe to retry.</summary>
internal interface IWorkerApi
{
    [Post("/api/worker/v1/register")]
    Task<IApiResponse> RegisterAsync([Body] RegisterWorkerRequest body, CancellationToken cancellationToken);

    [Post("/api/worker/v1/lease")]
    Task<IApiResponse<LeaseRunsResponse>> LeaseAsync([Body] LeaseRunsRequest body, CancellationToken cancellationToken);

    [Post("/api/worker/v1/heartbeat")]
    Task<IApiResponse<HeartbeatResponse>> HeartbeatAsync([Body] HeartbeatRequest body, CancellationToken cancellationToken);

    [Post("/api/worker/v1/complete")]
    Task<IApiResponse<CompleteRunsResponse>> CompleteAsync([Body] CompleteRunsRequest body, CancellationToken cancellationToken);

    [Post("/api/worker/v1/runs/{runId}/wait")]
    Task<IApiResponse<WaitForResumeResponse>> WaitForResumeAsync(string runId, [Body] WaitForResumeRequest body, CancellationToken cancellationToken);
}
