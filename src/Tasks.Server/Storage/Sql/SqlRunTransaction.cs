using System.Data.Common;
using System.Globalization;

namespace Tasks.Server.Storage.Sql;

/// <summary>
/// The store's primitives as SQL over one connection and transaction, shared by every SQL backend; the few places where
/// dialects differ (row locks, the insertion-order column, JSON tags, slot locks) are the abstract members.
/// </summary>
internal abstract class SqlRunTransaction(DbConnection connection, DbTransaction transaction) : IRunTransaction
{
    /// <summary>Appended to reads of rows the transaction will update: row locks where writers run concurrently.</summary>
    protected abstract string LockRows { get; }

    /// <summary>Appended to sweeps, so concurrent sweepers take different rows.</summary>
    protected abstract string LockRowsSkipLocked { get; }

    /// <summary>A column that orders runs by insertion.</summary>
    protected abstract string InsertionOrder { get; }

    /// <summary>A condition true when the run's JSON <c>tags</c> array holds one of the parameters named in <paramref name="names"/>.</summary>
    protected abstract string HasAnyTag(string names);

    public abstract Task LockSlotsAsync(string environmentId);

    /// <summary>Writes waiting to go in one batch, in order (see <see cref="DefersWrites"/>).</summary>
    private readonly List<(string Sql, List<(string Name, object? Value)> Parameters)> _deferred = [];

    /// <summary>Each run as this transaction last read or wrote it, so an update can write only what changed.</summary>
    private readonly Dictionary<string, RunRecord> _seen = new(StringComparer.Ordinal);

    private const string Final = "('COMPLETED','CANCELED','FAILED','CRASHED','SYSTEM_FAILURE','EXPIRED','TIMED_OUT')";

    public Task<EnvironmentRecord?> FindEnvironmentByKeyAsync(string apiKey) =>
        SingleAsync("SELECT id, type, api_key FROM environments WHERE api_key = @key", ReadEnvironment, ("@key", apiKey));

    public Task<EnvironmentRecord?> FindEnvironmentByTypeAsync(string type) =>
        SingleAsync("SELECT id, type, api_key FROM environments WHERE type = @type", ReadEnvironment, ("@type", type));

    public Task<EnvironmentRecord?> FindEnvironmentByIdAsync(string environmentId) =>
        SingleAsync("SELECT id, type, api_key FROM environments WHERE id = @id", ReadEnvironment, ("@id", environmentId));

    public Task<IReadOnlyList<RunRecord>> ListRunsAsync(string environmentId, RunFilter query)
    {
        var where = new List<string> { "env_id = @env" };
        var parameters = new List<(string, object?)> { ("@env", environmentId), ("@take", query.Size + 1) };
        void AddIn(string column, IReadOnlyList<string> values, string prefix, Func<string, string>? clause = null)
        {
            if (values.Count == 0)
            {
                return;
            }

            var names = values.Select((v, i) => $"@{prefix}{i}").ToList();
            parameters.AddRange(values.Select((v, i) => ($"@{prefix}{i}", (object?)v)));
            where.Add(clause is null ? $"{column} IN ({string.Join(", ", names)})" : clause(string.Join(", ", names)));
        }

        AddIn("status", query.Statuses, "s");
        AddIn("task_id", query.TaskIds, "t");
        AddIn("tags", query.Tags, "g", HasAnyTag);
        void Add(string clause, string name, object? value)
        {
            if (value is not null)
            {
                where.Add(clause);
                parameters.Add((name, value));
            }
        }

        Add("created_at >= @from", "@from", query.CreatedFrom);
        Add("created_at <= @to", "@to", query.CreatedTo);
        Add("batch_id = @batch", "@batch", query.BatchId);
        Add("queue = @queue", "@queue", query.Queue);
        Add($"{InsertionOrder} < (SELECT {InsertionOrder} FROM runs WHERE id = @after)", "@after", query.After);
        Add($"{InsertionOrder} > (SELECT {InsertionOrder} FROM runs WHERE id = @before)", "@before", query.Before);
        var order = query.Before is null ? "DESC" : "ASC";
        return ListAsync($"SELECT {RunColumns.Select} FROM runs WHERE {string.Join(" AND ", where)} ORDER BY {InsertionOrder} {order} LIMIT @take", ReadRun, parameters);
    }

    public Task<PacketRecord?> GetPacketAsync(string environmentId, string path) => SingleAsync(
        "SELECT path, content_type, data FROM packets WHERE env_id = @env AND path = @path",
        r => new PacketRecord(r.GetString(0), r.GetString(1), (byte[])r.GetValue(2)),
        ("@env", environmentId), ("@path", path));

    public Task SavePacketAsync(string environmentId, PacketRecord packet, long now) => ExecuteAsync(
        "INSERT INTO packets (env_id, path, content_type, data, created_at) VALUES (@env, @path, @type, @data, @now) ON CONFLICT (env_id, path) DO UPDATE SET content_type = excluded.content_type, data = excluded.data, created_at = excluded.created_at",
        ("@env", environmentId), ("@path", packet.Path), ("@type", packet.ContentType), ("@data", packet.Data), ("@now", now));

    public Task<TaskRecord?> GetTaskAsync(string environmentId, string taskId) => SingleAsync(
        "SELECT task_id, queue, max_attempts, min_retry_ms, max_retry_ms, retry_factor, randomize_retry, max_duration_ms, ttl_ms FROM tasks WHERE env_id = @env AND task_id = @task",
        r => new TaskRecord(r.GetString(0), r.GetString(1), Int(r, 2), Long(r, 3), Long(r, 4), r.GetDouble(5), Long(r, 6) != 0, NullableInt64(r, 7), NullableInt64(r, 8)),
        ("@env", environmentId), ("@task", taskId));

    public async Task<int> GetQueueLimitAsync(string environmentId, string queue) =>
        await ScalarAsync("SELECT concurrency_limit FROM queues WHERE env_id = @env AND name = @queue", ("@env", environmentId), ("@queue", queue)) is { } limit ? Convert.ToInt32(limit, CultureInfo.InvariantCulture) : 0;

    public Task<RunRecord?> GetRunAsync(string runId) =>
        SingleAsync($"SELECT {RunColumns.Select} FROM runs WHERE id = @id{LockRows}", ReadRun, ("@id", runId));

    public Task<IReadOnlyList<RunRecord>> GetChildRunsAsync(string parentRunId) =>
        ListAsync($"SELECT {RunColumns.Select} FROM runs WHERE parent_run_id = @parent ORDER BY created_at, {InsertionOrder}", ReadRun, ("@parent", parentRunId));

    public Task<IReadOnlyList<RunRecord>> GetBatchRunsAsync(string batchId) =>
        ListAsync($"SELECT {RunColumns.Select} FROM runs WHERE batch_id = @batch ORDER BY batch_index", ReadRun, ("@batch", batchId));

    public Task<BatchRecord?> GetBatchAsync(string batchId) => SingleAsync(
        "SELECT id, env_id, run_count, sealed, parent_run_id, resume_parent, created_at, updated_at FROM batches WHERE id = @id",
        r => new BatchRecord(r.GetString(0), r.GetString(1), Int(r, 2), Long(r, 3) != 0, NullableString(r, 4), Long(r, 5) != 0, Long(r, 6), Long(r, 7)),
        ("@id", batchId));

    public Task<IReadOnlyList<AttemptRecord>> GetAttemptsAsync(string runId) => ListAsync(
        "SELECT number, worker_id, started_at, finished_at, status, error FROM attempts WHERE run_id = @run ORDER BY number",
        r => new AttemptRecord(Int(r, 0), r.GetString(1), Long(r, 2), NullableInt64(r, 3), r.GetString(4), NullableString(r, 5)),
        ("@run", runId));

    public async Task<long?> NextDueAtAsync(string environmentId, IReadOnlyList<string> taskIds, long now)
    {
        var value = await ScalarAsync(
            $"SELECT MIN(available_at) FROM runs WHERE env_id = @env AND status IN ('QUEUED','DELAYED') AND available_at > @now AND task_id IN ({InList(taskIds.Count)})",
            [("@env", environmentId), ("@now", now), .. InParameters(taskIds)]);
        return value is null ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    public Task<IReadOnlyList<TaskStatusCount>> CountRunsByTaskAndStatusAsync(string environmentId) => ListAsync(
        "SELECT task_id, status, COUNT(*) FROM runs WHERE env_id = @env GROUP BY task_id, status ORDER BY task_id, status",
        r => new TaskStatusCount(r.GetString(0), r.GetString(1), Int(r, 2)), ("@env", environmentId));

    public Task<IReadOnlyList<QueueUsage>> GetQueueUsageAsync(string environmentId) => ListAsync(
        """
        SELECT q.name, q.concurrency_limit,
            (SELECT COUNT(*) FROM runs r WHERE r.env_id = q.env_id AND r.queue = q.name AND r.status IN ('EXECUTING','DEQUEUED')),
            (SELECT COUNT(*) FROM runs r WHERE r.env_id = q.env_id AND r.queue = q.name AND r.status = 'QUEUED')
        FROM queues q WHERE q.env_id = @env ORDER BY q.name
        """,
        r => new QueueUsage(r.GetString(0), Int(r, 1), Int(r, 2), Int(r, 3)), ("@env", environmentId));

    public Task InsertEnvironmentAsync(EnvironmentRecord environment) => ExecuteAsync(
        "INSERT INTO environments (id, type, api_key) VALUES (@id, @type, @key)",
        ("@id", environment.Id), ("@type", environment.Type), ("@key", environment.ApiKey));

    public Task UpdateEnvironmentKeyAsync(string environmentId, string apiKey) =>
        ExecuteAsync("UPDATE environments SET api_key = @key WHERE id = @id", ("@id", environmentId), ("@key", apiKey));

    public Task UpsertTaskAsync(string environmentId, TaskRecord task, long now) => ExecuteAsync(
        """
        INSERT INTO tasks (env_id, task_id, queue, max_attempts, min_retry_ms, max_retry_ms, retry_factor, randomize_retry, max_duration_ms, ttl_ms, updated_at)
        VALUES (@env, @task, @queue, @max, @min_retry, @max_retry, @factor, @randomize, @max_duration, @ttl, @now)
        ON CONFLICT (env_id, task_id) DO UPDATE SET queue = excluded.queue, max_attempts = excluded.max_attempts,
            min_retry_ms = excluded.min_retry_ms, max_retry_ms = excluded.max_retry_ms, retry_factor = excluded.retry_factor,
            randomize_retry = excluded.randomize_retry, max_duration_ms = excluded.max_duration_ms, ttl_ms = excluded.ttl_ms, updated_at = excluded.updated_at
        """,
        ("@env", environmentId), ("@task", task.TaskId), ("@queue", task.Queue), ("@max", task.MaxAttempts), ("@min_retry", task.MinRetryDelayMs),
        ("@max_retry", task.MaxRetryDelayMs), ("@factor", task.RetryFactor), ("@randomize", task.RandomizeRetry ? 1 : 0),
        ("@max_duration", task.MaxDurationMs), ("@ttl", task.TtlMs), ("@now", now));

    public Task UpsertQueueAsync(string environmentId, string queue, int concurrencyLimit) => ExecuteAsync(
        "INSERT INTO queues (env_id, name, concurrency_limit) VALUES (@env, @name, @limit) ON CONFLICT (env_id, name) DO UPDATE SET concurrency_limit = excluded.concurrency_limit",
        ("@env", environmentId), ("@name", queue), ("@limit", concurrencyLimit));

    public Task EnsureQueueAsync(string environmentId, string queue) => ExecuteAsync(
        "INSERT INTO queues (env_id, name, concurrency_limit) VALUES (@env, @name, 0) ON CONFLICT (env_id, name) DO NOTHING",
        ("@env", environmentId), ("@name", queue));

    public async Task InsertRunAsync(RunRecord run)
    {
        await ExecuteAsync($"INSERT INTO runs ({RunColumns.Select}) VALUES ({RunColumns.Parameters})", RunColumns.Bind(run));
        _seen[run.Id] = run;
    }

    /// <summary>Writes only the columns that changed since this transaction read (or wrote) the run; all of them for a run it never saw.</summary>
    public async Task UpdateRunAsync(RunRecord run)
    {
        var changed = _seen.TryGetValue(run.Id, out var before) ? RunColumns.Changed(before, run) : RunColumns.AllButId;
        if (changed != 0)
        {
            await ExecuteAsync($"UPDATE runs SET {RunColumns.Assignments(changed)} WHERE id = @id", RunColumns.Bind(run, changed));
        }

        _seen[run.Id] = run;
    }

    public Task<RunRecord?> FindRunByIdempotencyKeyAsync(string environmentId, string taskId, string idempotencyKey) => SingleAsync(
        $"SELECT {RunColumns.Select} FROM runs WHERE env_id = @env AND task_id = @task AND idempotency_key = @key{LockRows}",
        ReadRun, ("@env", environmentId), ("@task", taskId), ("@key", idempotencyKey));

    public Task<IReadOnlyList<RunRecord>> GetRunsWaitingOnAsync(string target) =>
        ListAsync($"SELECT {RunColumns.Select} FROM runs WHERE waiting_for = @target{LockRows}", ReadRun, ("@target", target));

    public async Task<int> CountExecutingAsync(string environmentId, string queue, string concurrencyKey) => (int)(long)(await ScalarAsync(
        "SELECT COUNT(*) FROM runs WHERE env_id = @env AND queue = @queue AND concurrency_key = @key AND status IN ('EXECUTING','DEQUEUED')",
        ("@env", environmentId), ("@queue", queue), ("@key", concurrencyKey)))!;

    public Task<IReadOnlyList<RunRecord>> SelectReadyRunsAsync(string environmentId, IReadOnlyList<string> taskIds, long now, IReadOnlyCollection<(string Queue, string Key)> fullSlots, int take)
    {
        var excluded = string.Concat(fullSlots.Select((_, i) => $" AND NOT (queue = @fq{i} AND concurrency_key = @fk{i})"));
        var slotParameters = fullSlots.SelectMany((slot, i) => new (string, object?)[] { ($"@fq{i}", slot.Queue), ($"@fk{i}", slot.Key) });
        return ListAsync(
            // Walks the runs_fifo index in queue order and filters as it goes, stopping at @take: the unary plus keeps planners
            // from preferring the available_at index, which would read and sort every due run on each lease.
            $"SELECT {RunColumns.Select} FROM runs WHERE env_id = @env AND status = 'QUEUED' AND task_id IN ({InList(taskIds.Count)}) AND +available_at <= @now{excluded} ORDER BY queue_at, {InsertionOrder} LIMIT @take",
            ReadRun, [("@env", environmentId), ("@now", now), ("@take", take), .. InParameters(taskIds), .. slotParameters]);
    }

    public async Task PromoteDelayedRunsAsync(string environmentId, long now)
    {
        await ExecuteAsync(
            "UPDATE runs SET status = 'QUEUED', updated_at = @now WHERE env_id = @env AND status = 'DELAYED' AND available_at <= @now",
            ("@env", environmentId), ("@now", now));
        _seen.Clear(); // rows changed behind the versions this transaction holds
    }

    public Task<IReadOnlyList<RunRecord>> GetRunsLeasedByRequestAsync(string workerId, string requestId) => ListAsync(
        $"SELECT {RunColumns.Select} FROM runs WHERE lease_owner = @owner AND lease_request = @request AND status = 'EXECUTING'",
        ReadRun, ("@owner", workerId), ("@request", requestId));

    public Task<IReadOnlyList<RunRecord>> SelectExpiredLeasesAsync(long now, int take) => ListAsync(
        $"SELECT {RunColumns.Select} FROM runs WHERE lease_expires_at IS NOT NULL AND lease_expires_at < @now AND status IN ('EXECUTING','WAITING') LIMIT @take{LockRowsSkipLocked}",
        ReadRun, ("@now", now), ("@take", take));

    public Task<IReadOnlyList<RunRecord>> SelectExpiredTtlsAsync(long now, int take) => ListAsync(
        $"SELECT {RunColumns.Select} FROM runs WHERE ttl_expires_at IS NOT NULL AND attempt_count = 0 AND ttl_expires_at < @now AND status IN ('QUEUED','DELAYED') LIMIT @take{LockRowsSkipLocked}",
        ReadRun, ("@now", now), ("@take", take));

    public Task InsertAttemptAsync(string runId, AttemptRecord attempt) => ExecuteAsync(
        "INSERT INTO attempts (run_id, number, worker_id, started_at, finished_at, status, error) VALUES (@run, @number, @worker, @started, @finished, @status, @error) ON CONFLICT (run_id, number) DO UPDATE SET worker_id = excluded.worker_id, started_at = excluded.started_at, finished_at = excluded.finished_at, status = excluded.status, error = excluded.error",
        ("@run", runId), ("@number", attempt.Number), ("@worker", attempt.WorkerId), ("@started", attempt.StartedAt),
        ("@finished", attempt.FinishedAt), ("@status", attempt.Status), ("@error", attempt.Error));

    public Task FinishAttemptAsync(string runId, int number, long finishedAt, string status, string? error) => ExecuteAsync(
        "UPDATE attempts SET finished_at = @finished, status = @status, error = @error WHERE run_id = @run AND number = @number",
        ("@run", runId), ("@number", number), ("@finished", finishedAt), ("@status", status), ("@error", error));

    public Task InsertBatchAsync(BatchRecord batch) => ExecuteAsync(
        "INSERT INTO batches (id, env_id, run_count, sealed, parent_run_id, resume_parent, created_at, updated_at) VALUES (@id, @env, @count, @sealed, @parent, @resume, @created, @updated)",
        BatchParameters(batch));

    public Task UpdateBatchAsync(BatchRecord batch) => ExecuteAsync(
        "UPDATE batches SET sealed = @sealed, updated_at = @updated WHERE id = @id",
        BatchParameters(batch));

    public async Task<int> CountBatchRunsAsync(string batchId) =>
        Convert.ToInt32(await ScalarAsync("SELECT COUNT(*) FROM runs WHERE batch_id = @batch", ("@batch", batchId)), CultureInfo.InvariantCulture);

    public async Task<bool> HasUnfinishedBatchRunsAsync(string batchId) =>
        await ScalarAsync($"SELECT 1 FROM runs WHERE batch_id = @batch AND status NOT IN {Final} LIMIT 1", ("@batch", batchId)) is not null;

    public async Task<bool> BatchItemExistsAsync(string batchId, int index) =>
        await ScalarAsync("SELECT 1 FROM runs WHERE batch_id = @batch AND batch_index = @index", ("@batch", batchId), ("@index", index)) is not null;

    public async Task<string?> GetRequestResponseAsync(string environmentId, string scope, string key) =>
        await ScalarAsync("SELECT response FROM request_keys WHERE env_id = @env AND scope = @scope AND key = @key", ("@env", environmentId), ("@scope", scope), ("@key", key)) as string;

    public Task SaveRequestResponseAsync(string environmentId, string scope, string key, string response, long now) => ExecuteAsync(
        "INSERT INTO request_keys (env_id, scope, key, response, created_at) VALUES (@env, @scope, @key, @response, @now) ON CONFLICT (env_id, scope, key) DO UPDATE SET response = excluded.response, created_at = excluded.created_at",
        ("@env", environmentId), ("@scope", scope), ("@key", key), ("@response", response), ("@now", now));

    public Task DeleteRequestKeysBeforeAsync(long before) =>
        ExecuteAsync("DELETE FROM request_keys WHERE created_at < @before", ("@before", before));

    private static (string, object?)[] BatchParameters(BatchRecord b) =>
    [
        ("@id", b.Id), ("@env", b.EnvironmentId), ("@count", b.RunCount), ("@sealed", b.Sealed ? 1 : 0), ("@parent", b.ParentRunId),
        ("@resume", b.ResumeParent ? 1 : 0), ("@created", b.CreatedAt), ("@updated", b.UpdatedAt),
    ];

    private RunRecord ReadRun(DbDataReader reader)
    {
        var run = RunColumns.Read(reader);
        _seen[run.Id] = run;
        return run;
    }

    private static EnvironmentRecord ReadEnvironment(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2));

    private static string InList(int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => $"@t{i}"));

    private static IEnumerable<(string, object?)> InParameters(IReadOnlyList<string> values) => values.Select((v, i) => ($"@t{i}", (object?)v));

    internal static int Int(DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);

    internal static long Long(DbDataReader r, int i) => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);

    internal static long? NullableInt64(DbDataReader r, int i) => r.IsDBNull(i) ? null : Long(r, i);

    internal static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>
    /// True where each statement is a network round trip: writes whose results nobody reads then wait, and go together in one
    /// batch before the next read, lock or commit (<see cref="FlushAsync"/>), so their order is kept and a transaction of many
    /// updates costs a few round trips instead of one per row.
    /// </summary>
    protected virtual bool DefersWrites => false;

    /// <summary>Sends the deferred writes, in order, in one batch. A backend's store calls it before committing.</summary>
    public async Task FlushAsync()
    {
        if (_deferred.Count == 0)
        {
            return;
        }

        await using var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var (sql, parameters) in _deferred)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            batch.BatchCommands.Add(command);
        }

        _deferred.Clear();
        await batch.ExecuteNonQueryAsync();
    }

    /// <summary>A command for <paramref name="sql"/> on this transaction, without parameters. Backends may hand out cached, prepared ones.</summary>
    protected virtual DbCommand CreateCommand(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>Gives back a command from <see cref="CreateCommand"/> once its reader is closed.</summary>
    protected virtual void ReleaseCommand(DbCommand command) => command.Dispose();

    private DbCommand Command(string sql, IEnumerable<(string Name, object? Value)> parameters)
    {
        var command = CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private async Task ExecuteAsync(string sql, params IEnumerable<(string, object?)> parameters)
    {
        if (DefersWrites)
        {
            _deferred.Add((sql, [.. parameters]));
            return;
        }

        var command = Command(sql, parameters);
        try
        {
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            ReleaseCommand(command);
        }
    }

    private async Task<object?> ScalarAsync(string sql, params IEnumerable<(string, object?)> parameters)
    {
        await FlushAsync();
        var command = Command(sql, parameters);
        try
        {
            var value = await command.ExecuteScalarAsync();
            return value is DBNull ? null : value;
        }
        finally
        {
            ReleaseCommand(command);
        }
    }

    private async Task<T?> SingleAsync<T>(string sql, Func<DbDataReader, T> read, params IEnumerable<(string, object?)> parameters)
        where T : class
    {
        await FlushAsync();
        var command = Command(sql, parameters);
        try
        {
            await using var reader = await command.ExecuteReaderAsync();
            return await reader.ReadAsync() ? read(reader) : null;
        }
        finally
        {
            ReleaseCommand(command);
        }
    }

    private async Task<IReadOnlyList<T>> ListAsync<T>(string sql, Func<DbDataReader, T> read, params IEnumerable<(string, object?)> parameters)
    {
        await FlushAsync();
        var command = Command(sql, parameters);
        try
        {
            await using var reader = await command.ExecuteReaderAsync();
            var items = new List<T>();
            while (await reader.ReadAsync())
            {
                items.Add(read(reader));
            }

            return items;
        }
        finally
        {
            ReleaseCommand(command);
        }
    }
}
