using System.Text.Json;
using System.Text.Json.Nodes;
using Tasks.Sdk;
using Tasks.Sdk.Protocol;
using Tasks.Server.Engine;
using Tasks.Server.Storage;

namespace Tasks.Server.Api;

/// <summary>Stored runs as Trigger.dev's run objects: the 13 statuses, the boolean helpers, plain JSON, optional fields omitted.</summary>
internal static class RunPresenter
{
    public static RunResponse Present(RunRecord run, RunRecord? parent, RunRecord? root, IReadOnlyList<RunRecord> children, IReadOnlyList<AttemptRecord> attempts, DateTimeOffset now)
    {
        return new RunResponse
        {
            Id = run.Id,
            Status = run.Status,
            TaskIdentifier = run.TaskId,
            CreatedAt = Time(run.CreatedAt),
            UpdatedAt = Time(run.UpdatedAt),
            Tags = Tags(run),
            DurationMs = attempts.Sum(a => (a.FinishedAt ?? now.ToUnixTimeMilliseconds()) - a.StartedAt),
            Depth = run.Depth,
            TriggerFunction = run.TriggerFunction,
            RelatedRuns = new RelatedRuns
            {
                Parent = parent is null ? null : Related(parent),
                Root = root is null ? null : Related(root),
                Children = children.Count == 0 ? null : children.Select(Related).ToList(),
            },
            AttemptCount = run.AttemptCount,
            IdempotencyKey = run.IdempotencyKeyUser,
            StartedAt = OptionalTime(run.StartedAt),
            FinishedAt = OptionalTime(run.FinishedAt),
            DelayedUntil = OptionalTime(run.DelayUntil),
            Ttl = run.Ttl,
            ExpiredAt = OptionalTime(run.ExpiredAt),
            Metadata = run.Metadata is null ? null : JsonNode.Parse(run.Metadata) as JsonObject,
            BatchId = run.BatchId,
            Payload = Json(PayloadCodec.ToPlainJson(run.Payload, run.PayloadType)),
            Output = run.Status == RunStatuses.Completed && run.Output is { } output ? Json(output) : null,
            Error = run.Status == RunStatuses.Completed ? null : RunEngine.DeserializeError(run.Error),
        };
    }

    private static RelatedRun Related(RunRecord run)
    {
        return new RelatedRun
        {
            Id = run.Id,
            Status = run.Status,
            TaskIdentifier = run.TaskId,
            CreatedAt = Time(run.CreatedAt),
            UpdatedAt = Time(run.UpdatedAt),
            Tags = Tags(run),
            Depth = run.Depth,
            TriggerFunction = run.TriggerFunction,
            BatchId = run.BatchId,
        };
    }

    private static IReadOnlyList<string> Tags(RunRecord run) => JsonSerializer.Deserialize(run.Tags, ServerJsonContext.Default.ListString) ?? [];

    private static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static DateTimeOffset? OptionalTime(long? ms) => ms is { } value ? Time(value) : null;

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
