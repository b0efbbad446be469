using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Tasks.Sdk.Http;
using Tasks.Sdk.Protocol;

namespace Tasks.Sdk;

public sealed partial class TasksClient
{
    /// <summary>Every run matching <paramref name="query"/>, newest first, fetched a page at a time as you enumerate.</summary>
    public async IAsyncEnumerable<Run> ListRunsAsync(RunQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        query ??= new RunQuery();
        string? after = null;
        do
        {
            var page = (await _api.ListRunsAsync(
                Join(query.Statuses?.Select(s => s.ToWire())),
                Join(query.TaskIds),
                Join(query.Tags),
                query.CreatedFrom?.ToUnixTimeMilliseconds(),
                query.CreatedTo?.ToUnixTimeMilliseconds(),
                query.BatchId,
                query.Queue,
                query.PageSize,
                after,
                cancellationToken)).ContentOrThrow();
            foreach (var run in page.Data)
            {
                yield return new Run(run);
            }

            after = page.Pagination.Next;
        }
        while (after is not null);
    }

    /// <summary>Frees an idempotency key of a task, so the next trigger with it makes a new run. Pass the parent when the key was scoped to one.</summary>
    public async Task ResetIdempotencyKeyAsync(string taskId, string idempotencyKey, IdempotencyKeyScope scope = IdempotencyKeyScope.Run, TaskContext? parent = null, CancellationToken cancellationToken = default) =>
        (await _api.ResetIdempotencyKeyAsync(IdempotencyKeys.Hash(idempotencyKey, scope, parent), new ResetIdempotencyKeyRequest(taskId), cancellationToken)).EnsureOk();

    internal async Task<string> ReplayRunAsync(string runId, CancellationToken cancellationToken) =>
        (await _api.ReplayRunAsync(runId, cancellationToken)).ContentOrThrow().Id;

    internal async Task<RunResponse> RescheduleRunAsync(string runId, TimeSpan delay, CancellationToken cancellationToken) =>
        (await _api.RescheduleRunAsync(runId, new RescheduleRequest(Durations.Format(delay)), cancellationToken)).ContentOrThrow();

    internal async Task AddTagsAsync(string runId, IReadOnlyList<string> tags, CancellationToken cancellationToken) =>
        (await _api.AddTagsAsync(runId, new AddTagsRequest(tags), cancellationToken)).EnsureOk();

    internal async Task<JsonObject> UpdateMetadataAsync(string runId, MetadataUpdate update, CancellationToken cancellationToken) =>
        (await _api.UpdateMetadataAsync(runId, update, cancellationToken)).ContentOrThrow().Metadata;

    private static string? Join(IEnumerable<string>? values) => values is null ? null : string.Join(',', values) is { Length: > 0 } joined ? joined : null;
}
