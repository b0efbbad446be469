using Tasks.Server.Storage;

namespace Tasks.Server.Engine;

/// <summary>A run with everything its dashboard page shows: its environment, family, attempts and batch.</summary>
internal sealed record RunDetail(
    RunRecord Run,
    EnvironmentRecord Environment,
    RunRecord? Parent,
    IReadOnlyList<RunRecord> Children,
    IReadOnlyList<AttemptRecord> Attempts,
    BatchRecord? Batch,
    IReadOnlyList<BatchRecord> ChildBatches);

/// <summary>A page of stored runs, newest first, with the cursors to the next (older) and previous (newer) pages.</summary>
internal sealed record RunRecordPage(IReadOnlyList<RunRecord> Runs, string? Next, string? Previous);

/// <summary>A batch and its runs in item order.</summary>
internal sealed record BatchDetail(BatchRecord Batch, EnvironmentRecord Environment, RunRecord? Parent, IReadOnlyList<RunRecord> Runs);

internal sealed partial class RunEngine
{
    private static readonly string[] EnvironmentTypes = ["dev", "stg", "prod", "preview"];

    /// <summary>The environments that exist, in a fixed order (dev, staging, production, preview).</summary>
    public Task<IReadOnlyList<EnvironmentRecord>> ListEnvironmentsAsync(CancellationToken cancellationToken) =>
        store.ReadAsync<IReadOnlyList<EnvironmentRecord>>(async reader =>
        {
            var found = new List<EnvironmentRecord>();
            foreach (var type in EnvironmentTypes)
            {
                if (await reader.FindEnvironmentByTypeAsync(type) is { } environment)
                {
                    found.Add(environment);
                }
            }

            return found;
        }, cancellationToken);

    /// <summary>A page of stored runs, newest first, with cursors for the next (older) and previous (newer) pages; the API's list and the dashboard's read it.</summary>
    public Task<RunRecordPage> ListRunRecordsAsync(EnvironmentRecord env, RunFilter query, CancellationToken cancellationToken)
    {
        if (query.Size is < 1 or > MaxPageSize)
        {
            throw ApiProblem.BadRequest($"page[size] must be between 1 and {MaxPageSize}.");
        }

        return store.ReadAsync(async reader =>
        {
            var rows = await reader.ListRunsAsync(env.Id, query);
            var more = rows.Count > query.Size;
            var page = rows.Take(query.Size).ToList();
            if (query.Before is not null)
            {
                page.Reverse(); // fetched oldest first to stay next to the cursor
            }

            var next = page.Count > 0 && (query.Before is not null || more) ? page[^1].Id : null;
            var previous = page.Count > 0 && (query.After is not null || (query.Before is not null && more)) ? page[0].Id : null;
            return new RunRecordPage(page, next, previous);
        }, cancellationToken);
    }

    /// <summary>A run in any environment, with its parent, children (and the batches they came in), attempts and batch; null when unknown.</summary>
    public Task<RunDetail?> GetRunDetailAsync(string runId, CancellationToken cancellationToken) =>
        store.ReadAsync(async reader =>
        {
            if (await reader.GetRunAsync(runId) is not { } run || await reader.FindEnvironmentByIdAsync(run.EnvironmentId) is not { } env)
            {
                return null;
            }

            var children = await reader.GetChildRunsAsync(run.Id);
            var batches = new List<BatchRecord>();
            foreach (var batchId in children.Select(c => c.BatchId).OfType<string>().Distinct())
            {
                if (await reader.GetBatchAsync(batchId) is { } batch)
                {
                    batches.Add(batch);
                }
            }

            return new RunDetail(
                run,
                env,
                run.ParentRunId is { } parentId ? await reader.GetRunAsync(parentId) : null,
                children,
                await reader.GetAttemptsAsync(run.Id),
                run.BatchId is { } ownBatch ? await reader.GetBatchAsync(ownBatch) : null,
                batches);
        }, cancellationToken);

    /// <summary>A batch in any environment with its runs; null when unknown.</summary>
    public Task<BatchDetail?> GetBatchDetailAsync(string batchId, CancellationToken cancellationToken) =>
        store.ReadAsync(async reader =>
        {
            if (await reader.GetBatchAsync(batchId) is not { } batch || await reader.FindEnvironmentByIdAsync(batch.EnvironmentId) is not { } env)
            {
                return null;
            }

            var parent = batch.ParentRunId is { } parentId ? await reader.GetRunAsync(parentId) : null;
            return new BatchDetail(batch, env, parent, await reader.GetBatchRunsAsync(batch.Id));
        }, cancellationToken);

    /// <summary>Each task's run counts by status.</summary>
    public Task<IReadOnlyList<TaskStatusCount>> CountRunsByTaskAsync(EnvironmentRecord env, CancellationToken cancellationToken) =>
        store.ReadAsync(reader => reader.CountRunsByTaskAndStatusAsync(env.Id), cancellationToken);

    /// <summary>Each queue's limit, runs executing and runs waiting for a slot.</summary>
    public Task<IReadOnlyList<QueueUsage>> GetQueueUsageAsync(EnvironmentRecord env, CancellationToken cancellationToken) =>
        store.ReadAsync(reader => reader.GetQueueUsageAsync(env.Id), cancellationToken);
}
