using System.Text.Json;
using Microsoft.Extensions.Options;
using Tasks.Sdk.Protocol;
using Tasks.Server.Auth;
using Tasks.Server.Engine;
using Tasks.Server.Hosting;

namespace Tasks.Server.Api;

/// <summary>Trigger.dev's public REST API: trigger, two-phase batch, read and cancel runs.</summary>
internal static class TriggerApiEndpoints
{
    private const string RequestIdempotencyHeader = "x-trigger-request-idempotency-key";
    private const string PublicTokenHeader = "x-trigger-jwt";

    public static void MapTriggerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter<ApiKeyFilter>();
        api.MapPost("/v1/tasks/{taskId}/trigger", TriggerAsync);
        api.MapPost("/v3/batches", CreateBatchAsync);
        api.MapPost("/v3/batches/{batchId}/items", StreamBatchItemsAsync);
        api.MapGet("/v2/batches/{batchId}", RetrieveBatchAsync).WithMetadata(PublicTokenAllowed.Instance);
        api.MapGet("/v3/runs/{runId}", RetrieveRunAsync).WithMetadata(PublicTokenAllowed.Instance);
        api.MapPost("/v2/runs/{runId}/cancel", CancelRunAsync);
    }

    private static async Task<IResult> TriggerAsync(string taskId, HttpContext context, RunEngine engine, IOptions<TasksServerOptions> options, TimeProvider time)
    {
        var body = await JsonBodies.ReadAsync(context, ProtocolJsonContext.Default.TriggerTaskRequest, options.Value.MaxPayloadBytes);
        var environment = ApiKeyFilter.EnvironmentOf(context);
        var response = await engine.TriggerAsync(environment, Uri.UnescapeDataString(taskId), body, RequestKey(context), context.RequestAborted);
        context.Response.Headers[PublicTokenHeader] = PublicTokens.Create(environment, [$"read:runs:{response.Id}"], time.GetUtcNow());
        return Results.Json(response, ProtocolJsonContext.Default.TriggerTaskResponse);
    }

    private static async Task<IResult> CreateBatchAsync(HttpContext context, RunEngine engine, TimeProvider time)
    {
        var body = await JsonBodies.ReadAsync(context, ProtocolJsonContext.Default.CreateBatchRequest, 128 * 1024);
        var environment = ApiKeyFilter.EnvironmentOf(context);
        var response = await engine.CreateBatchAsync(environment, body, RequestKey(context), context.RequestAborted);
        context.Response.Headers[PublicTokenHeader] = PublicTokens.Create(environment, [$"read:batch:{response.Id}"], time.GetUtcNow());
        return Results.Json(response, ProtocolJsonContext.Default.CreateBatchResponse, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> StreamBatchItemsAsync(string batchId, HttpContext context, RunEngine engine, IOptions<TasksServerOptions> options)
    {
        var mediaType = context.Request.ContentType?.Split(';')[0].Trim();
        if (mediaType is not ("application/x-ndjson" or "application/ndjson"))
        {
            throw new ApiProblem(StatusCodes.Status415UnsupportedMediaType, "Batch items must be sent as application/x-ndjson, one JSON object per line.");
        }

        JsonBodies.LimitBody(context, null);
        var items = new List<BatchItem>();
        using var reader = new StreamReader(context.Request.Body);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(context.RequestAborted) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (line.Length > options.Value.MaxPayloadBytes)
            {
                throw new ApiProblem(StatusCodes.Status413PayloadTooLarge, $"Batch item on line {lineNumber} is larger than {options.Value.MaxPayloadBytes} bytes.");
            }

            try
            {
                items.Add(JsonSerializer.Deserialize(line, ProtocolJsonContext.Default.BatchItem) ?? throw new JsonException("null item"));
            }
            catch (JsonException e)
            {
                throw ApiProblem.BadRequest($"Malformed batch item on line {lineNumber}: {e.Message}");
            }
        }

        var response = await engine.AddBatchItemsAsync(ApiKeyFilter.EnvironmentOf(context), batchId, items, context.RequestAborted);
        return Results.Json(response, ProtocolJsonContext.Default.StreamBatchItemsResponse);
    }

    private static async Task<IResult> RetrieveBatchAsync(string batchId, HttpContext context, RunEngine engine)
    {
        ApiKeyFilter.RequireScope(context, $"batch {batchId}", $"read:batch:{batchId}", "read:batch", "read:all");
        return Results.Json(await engine.RetrieveBatchAsync(ApiKeyFilter.EnvironmentOf(context), batchId, context.RequestAborted), ProtocolJsonContext.Default.RetrieveBatchResponse);
    }

    private static async Task<IResult> RetrieveRunAsync(string runId, HttpContext context, RunEngine engine)
    {
        var run = await engine.RetrieveRunAsync(ApiKeyFilter.EnvironmentOf(context), runId, context.RequestAborted);
        ApiKeyFilter.RequireScope(context, $"run {runId}", $"read:runs:{runId}", "read:runs", "read:all", run.BatchId is { } batchId ? $"read:batch:{batchId}" : null);
        return Results.Json(run, ProtocolJsonContext.Default.RunResponse);
    }

    private static async Task<IResult> CancelRunAsync(string runId, HttpContext context, RunEngine engine) =>
        Results.Json(await engine.CancelAsync(ApiKeyFilter.EnvironmentOf(context), runId, context.RequestAborted), ProtocolJsonContext.Default.RunIdResponse);

    private static string? RequestKey(HttpContext context) =>
        context.Request.Headers[RequestIdempotencyHeader].FirstOrDefault() is { Length: > 0 and <= 256 } key ? key : null;
}
