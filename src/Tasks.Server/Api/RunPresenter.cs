using System.Text.Json;
using System.Text.Json.Nodes;
using Tasks.Sdk.Protocol;
using Tasks.Server.Engine;
using Tasks.Server.Storage;

namespace Tasks.Server.Api;

/// <summary>Stored runs as Trigger.dev's run objects: plain JSON, optional fields omitted, the boolean helpers derived from the status.</summary>
internal static class RunPresenter
{
    public static RunResponse Present(RunRecord run, RunRecord? parent, RunRecord? root, IReadOnlyList<RunRecord> children, IReadOnlyList<AttemptRecord> attempts, DateTimeOffset now) =>
        Summary<RunResponse>(run) with
        {
            DurationMs = attempts.Sum(a => (a.FinishedAt ?? now.ToUnixTimeMilliseconds()) - a.StartedAt),
            RelatedRuns = new RelatedRuns
            {
                Parent = parent is null ? null : Summary<RunSummary>(parent),
                Root = root is null ? null : Summary<RunSummary>(root),
                Children = children.Count == 0 ? null : children.Select(Summary<RunSummary>).ToList(),
            },
            AttemptCount = run.AttemptCount,
            Payload = Json(PayloadCodec.ToPlainJson(run.Payload, run.PayloadType)),
            Output = run.Status == RunStatuses.Completed && run.Output is { } output ? Json(output) : null,
            Error = run.Status == RunStatuses.Completed ? null : RunEngine.DeserializeError(run.Error),
        };

    public static ListedRun Listed(RunRecord run, EnvironmentRecord environment) =>
        Summary<ListedRun>(run) with { Env = new RunEnvironment(environment.Id, environment.Type) };

    private static T Summary<T>(RunRecord run)
        where T : RunSummary, new() => new()
        {
            Id = run.Id,
            Status = run.Status,
            TaskIdentifier = run.TaskId,
            CreatedAt = Time(run.CreatedAt),
            UpdatedAt = Time(run.UpdatedAt),
            Tags = JsonSerializer.Deserialize(run.Tags, ServerJsonContext.Default.ListString) ?? [],
            Depth = run.Depth,
            TriggerFunction = run.TriggerFunction,
            IdempotencyKey = run.IdempotencyKeyUser,
            StartedAt = OptionalTime(run.StartedAt),
            FinishedAt = OptionalTime(run.FinishedAt),
            DelayedUntil = OptionalTime(run.DelayUntil),
            Ttl = run.Ttl,
            ExpiredAt = OptionalTime(run.ExpiredAt),
            Metadata = run.Metadata is null ? null : JsonNode.Parse(run.Metadata) as JsonObject,
            BatchId = run.BatchId,
        };

    private static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static DateTimeOffset? OptionalTime(long? ms) => ms is { } value ? Time(value) : null;

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
