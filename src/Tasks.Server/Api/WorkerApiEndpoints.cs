using Tasks.Sdk.Protocol;
using Tasks.Server.Auth;
using Tasks.Server.Engine;

namespace Tasks.Server.Api;

/// <summary>The worker protocol (docs/worker-protocol.md): register, long-poll leases, heartbeat, complete, long-poll resumes.</summary>
internal static class WorkerApiEndpoints
{
    private const long MaxBody = 16 * 1024 * 1024;

    public static void MapWorkerApi(this IEndpointRouteBuilder app)
    {
        var worker = app.MapGroup("/api/worker/v1").AddEndpointFilter<ApiKeyFilter>();
        worker.MapPost("/register", RegisterAsync);
        worker.MapPost("/lease", LeaseAsync);
        worker.MapPost("/heartbeat", HeartbeatAsync);
        worker.MapPost("/complete", CompleteAsync);
        worker.MapPost("/runs/{runId}/wait", WaitAsync);
    }

    private static async Task<IResult> RegisterAsync(HttpContext context, RunEngine engine)
    {
        var body = await JsonBodies.ReadAsync(context, ProtocolJsonContext.Default.RegisterWorkerRequest, MaxBody);
        await engine.RegisterTasksAsync(ApiKeyFilter.EnvironmentOf(context), body, context.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> LeaseAsync(HttpContext context, RunEngine engine)
    {
        var body = await JsonBodies.ReadAsync(context, ProtocolJsonContext.Default.LeaseRunsRequest, MaxBody);
        return Results.Json(await engine.LeaseAsync(ApiKeyFilter.EnvironmentOf(context), body, context.RequestAborted), ProtocolJsonContext.Default.LeaseRunsResponse);
    }

    private static async Task<IResult> HeartbeatAsync(HttpContext context, RunEngine engine)
    {
        var body = await JsonBodies.ReadAsync(context, ProtocolJsonContext.Default.HeartbeatRequest, MaxBody);
        return Results.Json(await engine.HeartbeatAsync(ApiKeyFilter.EnvironmentOf(context), body, context.RequestAborted), ProtocolJsonContext.Default.HeartbeatResponse);
    }

    private static async Task<IResult> CompleteAsync(HttpContext context, RunEngine engine)
    {
        var body = await JsonBodies.ReadAsync(context, ProtocolJsonContext.Default.CompleteRunsRequest, MaxBody);
        return Results.Json(await engine.CompleteAsync(ApiKeyFilter.EnvironmentOf(context), body.WorkerId, body.Outcomes, context.RequestAborted), ProtocolJsonContext.Default.CompleteRunsResponse);
    }

    private static async Task<IResult> WaitAsync(string runId, HttpContext context, RunEngine engine)
    {
        var body = await JsonBodies.ReadAsync(context, ProtocolJsonContext.Default.WaitForResumeRequest, MaxBody);
        return Results.Json(await engine.WaitForResumeAsync(ApiKeyFilter.EnvironmentOf(context), runId, body, context.RequestAborted), ProtocolJsonContext.Default.WaitForResumeResponse);
    }
}
