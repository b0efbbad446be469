using System.Text.Json;
using Tasks.Sdk;
using Tasks.Sdk.Protocol;
using Tasks.Server.Storage;

namespace Tasks.Server.Engine;

internal sealed partial class RunEngine
{
    /// <summary>Phase one of a batch: the batch exists (and a waiting parent is suspended on it) before any item arrives.</summary>
    public async Task<CreateBatchResponse> CreateBatchAsync(EnvironmentRecord env, CreateBatchRequest request, string? requestKey, CancellationToken cancellationToken)
    {
        if (request.RunCount is < 1 or > TasksClient.MaxBatchSize)
        {
            throw ApiProblem.BadRequest($"runCount must be between 1 and {TasksClient.MaxBatchSize}; it is {request.RunCount}.");
        }

        return await store.WriteAsync(async tx =>
        {
            const string scope = "batch";
            if (requestKey is not null && await tx.GetRequestResponseAsync(env.Id, scope, requestKey) is { } saved)
            {
                return JsonSerializer.Deserialize(saved, ProtocolJsonContext.Default.CreateBatchResponse)!;
            }

            var now = Now;
            var resume = request.ResumeParentOnCompletion == true && request.ParentRunId is not null;
            RunRecord? parent = null;
            if (request.ParentRunId is { } parentId)
            {
                parent = await RequireRunAsync(tx, env.Id, parentId);
                if (resume && parent.Status != RunStatuses.Executing)
                {
                    throw ApiProblem.Unprocessable($"Parent run {parentId} is {parent.Status}; a run can only wait while it is EXECUTING.");
                }
            }

            var batch = new BatchRecord(RunIds.NewBatchId(), env.Id, request.RunCount, Sealed: false, parent?.Id, resume, now, now);
            await tx.InsertBatchAsync(batch);
            if (resume)
            {
                await BeginWaitAsync(tx, parent!, batch.Id, alreadyDone: false, now);
            }

            var response = new CreateBatchResponse(batch.Id, batch.RunCount, IsCached: false);
            if (requestKey is not null)
            {
                await tx.SaveRequestResponseAsync(env.Id, scope, requestKey, JsonSerializer.Serialize(response, ProtocolJsonContext.Default.CreateBatchResponse), now);
            }

            return response;
        }, cancellationToken);
    }

    /// <summary>Phase two: items, deduplicated by index. The batch seals when every index has arrived; a retried stream is a no-op.</summary>
    public async Task<StreamBatchItemsResponse> AddBatchItemsAsync(EnvironmentRecord env, string batchId, IReadOnlyList<BatchItem> items, CancellationToken cancellationToken)
    {
        var response = await store.WriteAsync(async tx =>
        {
            var batch = await tx.GetBatchAsync(batchId) is { } b && b.EnvironmentId == env.Id ? b : throw ApiProblem.NotFound($"Batch not found: '{batchId}'.");
            if (batch.Sealed)
            {
                return new StreamBatchItemsResponse(batch.Id, 0, items.Count, Sealed: true);
            }

            var now = Now;
            int accepted = 0, deduplicated = 0;
            var lookups = new RunLookups(tx);

            // A first stream (the usual case) finds no items to skip but those repeated within itself: no lookup per item.
            var firstStream = await tx.CountBatchRunsAsync(batch.Id) == 0;
            var added = new HashSet<int>();
            foreach (var item in items)
            {
                if (item.Index < 0 || item.Index >= batch.RunCount)
                {
                    throw ApiProblem.BadRequest($"Item index {item.Index} is outside the batch's {batch.RunCount} items.");
                }

                if (added.Contains(item.Index) || (!firstStream && await tx.BatchItemExistsAsync(batch.Id, item.Index)))
                {
                    deduplicated++;
                    continue;
                }

                await CreateRunAsync(tx, env, item.Task, item.Payload, item.Options, batch, item.Index, now, lookups);
                added.Add(item.Index);
                accepted++;
            }

            var enqueued = await tx.CountBatchRunsAsync(batch.Id);
            var isSealed = enqueued == batch.RunCount;
            if (isSealed)
            {
                await tx.UpdateBatchAsync(batch with { Sealed = true, UpdatedAt = now });
                // Items streamed in chunks may all have finished already.
                await CompleteWaitsOnAsync(tx, batch.Id, now, () => IsBatchFinishedAsync(tx, batch.Id));
            }

            return isSealed
                ? new StreamBatchItemsResponse(batch.Id, accepted, deduplicated, Sealed: true)
                : new StreamBatchItemsResponse(batch.Id, accepted, deduplicated, Sealed: false, enqueued, batch.RunCount);
        }, cancellationToken);
        signals.Pulse();
        return response;
    }

    /// <summary>A batch with its run ids in item order.</summary>
    public Task<RetrieveBatchResponse> RetrieveBatchAsync(EnvironmentRecord env, string batchId, CancellationToken cancellationToken) =>
        store.ReadAsync(async reader =>
        {
            var batch = await reader.GetBatchAsync(batchId) is { } b && b.EnvironmentId == env.Id ? b : throw ApiProblem.NotFound($"Batch not found: '{batchId}'.");
            var runs = await reader.GetBatchRunsAsync(batch.Id);
            var finished = batch.Sealed && runs.All(r => RunStatuses.IsFinal(r.Status));
            var status = !batch.Sealed ? "PENDING" : finished ? "COMPLETED" : "PROCESSING";
            return new RetrieveBatchResponse(
                batch.Id,
                status,
                DateTimeOffset.FromUnixTimeMilliseconds(batch.CreatedAt),
                DateTimeOffset.FromUnixTimeMilliseconds(batch.UpdatedAt),
                batch.RunCount,
                runs.Select(r => r.Id).ToList(),
                new BatchProcessing([], finished ? DateTimeOffset.FromUnixTimeMilliseconds(runs.Select(r => r.FinishedAt ?? 0).DefaultIfEmpty(batch.UpdatedAt).Max()) : null));
        }, cancellationToken);
}
