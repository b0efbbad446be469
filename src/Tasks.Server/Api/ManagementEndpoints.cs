using System.Globalization;
using Microsoft.Extensions.Options;
using Tasks.Sdk.Protocol;
using Tasks.Server.Auth;
using Tasks.Server.Engine;
using Tasks.Server.Hosting;
using Tasks.Server.Storage;

namespace Tasks.Server.Api;

/// <summary>Trigger.dev's run management API: list, replay, reschedule, idempotency-key reset, tags, metadata, packets.</summary>
internal static class ManagementEndpoints
{
    private const long SmallBody = 1024 * 1024;

    public static void MapManagementApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter<ApiKeyFilter>();
        api.MapGet("/v1/runs", ListRunsAsync);
        api.MapPost("/v1/runs/{runId}/replay", ReplayAsync);
        api.MapPost("/v1/runs/{runId}/reschedule", RescheduleAsync);
        api.MapPost("/v1/idempotencyKeys/{key}/reset", ResetIdempotencyKeyAsync);
        api.MapPost("/v1/runs/{runId}/tags", AddTagsAsync);
        api.MapGet("/v1/runs/{runId}/metadata", GetMetadataAsync);
        api.MapPut("/v1/runs/{runId}/metadata", UpdateMetadataAsync);
        api.MapPut("/v2/packets/{**path}", PresignPacket);
        app.MapPut("/api/v1/packets/{environmentId}/{**path}", UploadPacketAsync);
    }

    private static async Task<IResult> ListRunsAsync(HttpContext context, RunEngine engine, TimeProvider time) =>
        Results.Json(await engine.ListRunsAsync(ApiKeyFilter.EnvironmentOf(context), RunQueryParser.Parse(context.Request.Query, time.GetUtcNow()), context.RequestAborted), ProtocolJsonContext.Default.ListRunsResponse);

    private static async Task<IResult> ReplayAsync(string runId, HttpContext context, RunEngine engine)
    {
        var body = context.Request.ContentLength is > 0 ? await JsonBodies.ReadAsync(context, ProtocolJsonContext.Default.ReplayRequest, SmallBody * 3) : null;
        return Results.Json(await engine.ReplayAsync(ApiKeyFilter.EnvironmentOf(context), runId, body, context.RequestAborted), ProtocolJsonContext.Default.RunIdResponse);
    }

    private static async Task<IResult> RescheduleAsync(string runId, HttpContext context, RunEngine engine)
    {
        var body = await JsonBodies.ReadAsync(context, ProtocolJsonContext.Default.RescheduleRequest, SmallBody);
        if (string.IsNullOrWhiteSpace(body.Delay))
        {
            throw ApiProblem.BadRequest("Reschedule needs a delay: a duration such as \"30s\" or an ISO 8601 date.");
        }

        return Results.Json(await engine.RescheduleAsync(ApiKeyFilter.EnvironmentOf(context), runId, body.Delay, context.RequestAborted), ProtocolJsonContext.Default.RunResponse);
    }

    private static async Task<IResult> ResetIdempotencyKeyAsync(string key, HttpContext context, RunEngine engine)
    {
        var body = await JsonBodies.ReadAsync(context, ProtocolJsonContext.Default.ResetIdempotencyKeyRequest, SmallBody);
        if (string.IsNullOrWhiteSpace(body.TaskIdentifier))
        {
            throw ApiProblem.BadRequest("Resetting an idempotency key needs the taskIdentifier it belongs to.");
        }

        return Results.Json(await engine.ResetIdempotencyKeyAsync(ApiKeyFilter.EnvironmentOf(context), key, body.TaskIdentifier, context.RequestAborted), ProtocolJsonContext.Default.RunIdResponse);
    }

    private static async Task<IResult> AddTagsAsync(string runId, HttpContext context, RunEngine engine)
    {
        var body = await JsonBodies.ReadAsync(context, ProtocolJsonContext.Default.AddTagsRequest, SmallBody);
        await engine.AddTagsAsync(ApiKeyFilter.EnvironmentOf(context), runId, body.Tags ?? [], context.RequestAborted);
        return Results.Json(new MessageResponse($"Tags set on run {runId}"), ProtocolJsonContext.Default.MessageResponse);
    }

    private static async Task<IResult> GetMetadataAsync(string runId, HttpContext context, RunEngine engine) =>
        Results.Json(new MetadataResponse(await engine.GetMetadataAsync(ApiKeyFilter.EnvironmentOf(context), runId, context.RequestAborted)), ProtocolJsonContext.Default.MetadataResponse);

    private static async Task<IResult> UpdateMetadataAsync(string runId, HttpContext context, RunEngine engine)
    {
        var body = await JsonBodies.ReadAsync(context, ProtocolJsonContext.Default.MetadataUpdate, SmallBody);
        return Results.Json(new MetadataResponse(await engine.UpdateMetadataAsync(ApiKeyFilter.EnvironmentOf(context), runId, body, context.RequestAborted)), ProtocolJsonContext.Default.MetadataResponse);
    }

    /// <summary>Answers with a URL the client PUTs the packet to, without credentials, within the hour.</summary>
    private static IResult PresignPacket(string path, HttpContext context, TimeProvider time)
    {
        var environment = ApiKeyFilter.EnvironmentOf(context);
        var expires = (time.GetUtcNow() + PacketSignatures.Lifetime).ToUnixTimeSeconds();
        var signature = PacketSignatures.Sign(environment, "PUT", path, expires);
        var request = context.Request;
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}/api/v1/packets/{environment.Id}/{path}?expires={expires}&signature={signature}";
        return Results.Json(new PresignedPacketResponse(url, path), ProtocolJsonContext.Default.PresignedPacketResponse);
    }

    private static async Task<IResult> UploadPacketAsync(string environmentId, string path, HttpContext context, EnvironmentKeys keys, IRunStore store, TimeProvider time, IOptions<TasksServerOptions> options)
    {
        var query = context.Request.Query;
        if (await keys.FindByIdAsync(environmentId, context.RequestAborted) is not { } environment
            || !long.TryParse(query["expires"], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || !PacketSignatures.IsValid(environment, "PUT", path, expires, query["signature"].ToString(), time.GetUtcNow()))
        {
            throw new ApiProblem(StatusCodes.Status403Forbidden, "This packet URL is not valid (wrong signature or expired); presign a new one.");
        }

        JsonBodies.LimitBody(context, options.Value.MaxPayloadBytes);
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var packet = new PacketRecord(path, context.Request.ContentType ?? "application/json", buffer.ToArray());
        await store.WriteAsync(async tx =>
        {
            await tx.SavePacketAsync(environment.Id, packet, time.GetUtcNow().ToUnixTimeMilliseconds());
            return 0;
        }, context.RequestAborted);
        return Results.Ok();
    }
}
