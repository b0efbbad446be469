namespace Tasks.Server.Storage;

/// <summary>
/// The run store: durable state behind the engine. Every backend implements the same small set of primitives; the rules
/// (queues, retries, waits, idempotency) live once, in the engine, inside <see cref="WriteAsync{T}"/> transactions.
/// </summary>
internal interface IRunStore
{
    /// <summary>Creates or migrates the schema.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one serializable write transaction, committed when it returns.</summary>
    Task<T> WriteAsync<T>(Func<IRunTransaction, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> against a consistent read snapshot.</summary>
    Task<T> ReadAsync<T>(Func<IRunReader, Task<T>> work, CancellationToken cancellationToken);
}

/// <summary>Reads that need no write lock.</summary>
internal interface IRunReader
{
    Task<EnvironmentRecord?> FindEnvironmentByKeyAsync(string apiKey);
    Task<EnvironmentRecord?> FindEnvironmentByTypeAsync(string type);
    Task<EnvironmentRecord?> FindEnvironmentByIdAsync(string environmentId);
    Task<TaskRecord?> GetTaskAsync(string environmentId, string taskId);
    Task<int> GetQueueLimitAsync(string environmentId, string queue);
    Task<RunRecord?> GetRunAsync(string runId);
    Task<IReadOnlyList<RunRecord>> GetChildRunsAsync(string parentRunId);
    Task<IReadOnlyList<RunRecord>> GetBatchRunsAsync(string batchId);
    Task<BatchRecord?> GetBatchAsync(string batchId);
    Task<IReadOnlyList<AttemptRecord>> GetAttemptsAsync(string runId);

    /// <summary>One page of runs, newest first, matching <paramref name="query"/>; <c>query.Size + 1</c> rows so the caller knows whether more follow.</summary>
    Task<IReadOnlyList<RunRecord>> ListRunsAsync(string environmentId, RunFilter query);

    Task<PacketRecord?> GetPacketAsync(string environmentId, string path);

    /// <summary>The earliest time after <paramref name="now"/> at which a delayed or backing-off run of these tasks becomes due.</summary>
    Task<long?> NextDueAtAsync(string environmentId, IReadOnlyList<string> taskIds, long now);

    /// <summary>How many runs each task has in each status (the dashboard's task overview); answered from an index, not the rows.</summary>
    Task<IReadOnlyList<TaskStatusCount>> CountRunsByTaskAndStatusAsync(string environmentId);

    /// <summary>Every queue of the environment with its limit, its runs executing and its runs queued (the dashboard's queue overview).</summary>
    Task<IReadOnlyList<QueueUsage>> GetQueueUsageAsync(string environmentId);
}

/// <summary>A task's number of runs in one status.</summary>
internal sealed record TaskStatusCount(string TaskId, string Status, int Count);

/// <summary>A queue's concurrency limit (0: none) against its runs executing now and its runs queued.</summary>
internal sealed record QueueUsage(string Queue, int ConcurrencyLimit, int Executing, int Queued);

/// <summary>Reads and writes inside one write transaction.</summary>
internal interface IRunTransaction : IRunReader
{
    Task InsertEnvironmentAsync(EnvironmentRecord environment);
    Task UpdateEnvironmentKeyAsync(string environmentId, string apiKey);
    Task UpsertTaskAsync(string environmentId, TaskRecord task, long now);
    Task UpsertQueueAsync(string environmentId, string queue, int concurrencyLimit);
    Task EnsureQueueAsync(string environmentId, string queue);

    Task InsertRunAsync(RunRecord run);
    Task UpdateRunAsync(RunRecord run);
    Task<RunRecord?> FindRunByIdempotencyKeyAsync(string environmentId, string taskId, string idempotencyKey);
    /// <summary>Runs suspended on <paramref name="target"/> (a run or batch id); a backend with concurrent writers locks them.</summary>
    Task<IReadOnlyList<RunRecord>> GetRunsWaitingOnAsync(string target);

    /// <summary>
    /// Serializes, per environment, everything that hands out concurrency slots (leases and resumes), so two writers never both
    /// see the last free slot. A single-writer backend has nothing to do.
    /// </summary>
    Task LockSlotsAsync(string environmentId);

    Task<int> CountExecutingAsync(string environmentId, string queue, string concurrencyKey);

    /// <summary>
    /// QUEUED runs of these tasks due by <paramref name="now"/>, in queue order, leaving out the (queue, concurrency key) slots in
    /// <paramref name="fullSlots"/>: a full queue at the head of the line must not hide the runs behind it.
    /// </summary>
    Task<IReadOnlyList<RunRecord>> SelectReadyRunsAsync(string environmentId, IReadOnlyList<string> taskIds, long now, IReadOnlyCollection<(string Queue, string Key)> fullSlots, int take);

    /// <summary>Moves DELAYED runs whose delay has passed to QUEUED.</summary>
    Task PromoteDelayedRunsAsync(string environmentId, long now);
    Task<IReadOnlyList<RunRecord>> GetRunsLeasedByRequestAsync(string workerId, string requestId);
    Task<IReadOnlyList<RunRecord>> SelectExpiredLeasesAsync(long now, int take);
    Task<IReadOnlyList<RunRecord>> SelectExpiredTtlsAsync(long now, int take);

    Task InsertAttemptAsync(string runId, AttemptRecord attempt);
    Task FinishAttemptAsync(string runId, int number, long finishedAt, string status, string? error);

    Task InsertBatchAsync(BatchRecord batch);
    Task UpdateBatchAsync(BatchRecord batch);
    Task<int> CountBatchRunsAsync(string batchId);
    /// <summary>Whether any run of the batch has not reached a final status (an index lookup, not a count).</summary>
    Task<bool> HasUnfinishedBatchRunsAsync(string batchId);
    Task<bool> BatchItemExistsAsync(string batchId, int index);

    Task SavePacketAsync(string environmentId, PacketRecord packet, long now);

    Task<string?> GetRequestResponseAsync(string environmentId, string scope, string key);
    Task SaveRequestResponseAsync(string environmentId, string scope, string key, string response, long now);
    Task DeleteRequestKeysBeforeAsync(long before);
}
