using System.Collections.Concurrent;
using System.Data.Common;

namespace Tasks.Server.Storage.Sql;

/// <summary>The <c>runs</c> columns in one place: the SELECT list, the INSERT/UPDATE parameters and the row reader agree by construction.</summary>
internal static class RunColumns
{
    private static readonly (string Column, Func<RunRecord, object?> Value)[] Columns =
    [
        ("id", r => r.Id), ("env_id", r => r.EnvironmentId), ("task_id", r => r.TaskId), ("status", r => r.Status),
        ("payload", r => r.Payload), ("payload_type", r => r.PayloadType), ("output", r => r.Output), ("error", r => r.Error),
        ("tags", r => r.Tags), ("metadata", r => r.Metadata), ("queue", r => r.Queue), ("concurrency_key", r => r.ConcurrencyKey),
        ("queue_at", r => r.QueueAt), ("idempotency_key", r => r.IdempotencyKey), ("idempotency_key_user", r => r.IdempotencyKeyUser),
        ("idempotency_expires_at", r => r.IdempotencyExpiresAt), ("attempt_count", r => r.AttemptCount), ("max_attempts", r => r.MaxAttempts),
        ("max_duration_ms", r => r.MaxDurationMs), ("ttl", r => r.Ttl), ("ttl_expires_at", r => r.TtlExpiresAt), ("delay_until", r => r.DelayUntil),
        ("available_at", r => r.AvailableAt), ("created_at", r => r.CreatedAt), ("updated_at", r => r.UpdatedAt), ("started_at", r => r.StartedAt),
        ("finished_at", r => r.FinishedAt), ("expired_at", r => r.ExpiredAt), ("parent_run_id", r => r.ParentRunId), ("root_run_id", r => r.RootRunId),
        ("depth", r => r.Depth), ("trigger_function", r => r.TriggerFunction), ("batch_id", r => r.BatchId), ("batch_index", r => r.BatchIndex),
        ("resume_parent", r => r.ResumeParent ? 1 : 0), ("lease_owner", r => r.LeaseOwner), ("lease_request", r => r.LeaseRequest),
        ("lease_expires_at", r => r.LeaseExpiresAt), ("waiting_for", r => r.WaitingFor), ("wait_done", r => r.WaitDone ? 1 : 0),
    ];

    public static readonly string Select = string.Join(", ", Columns.Select(c => c.Column));

    public static readonly string Parameters = string.Join(", ", Columns.Select(c => "@" + c.Column));

    private static readonly ConcurrentDictionary<long, string> AssignmentsByColumns = new();

    public static IEnumerable<(string, object?)> Bind(RunRecord run) => Columns.Select(c => ("@" + c.Column, c.Value(run)));

    /// <summary>The columns (as bits, by position) whose values differ between two versions of a run; the id never does.</summary>
    public static long Changed(RunRecord before, RunRecord after)
    {
        var changed = 0L;
        for (var i = 1; i < Columns.Length; i++)
        {
            if (!Equals(Columns[i].Value(before), Columns[i].Value(after)))
            {
                changed |= 1L << i;
            }
        }

        return changed;
    }

    /// <summary>Every column but the id.</summary>
    public static long AllButId => ((1L << Columns.Length) - 1) & ~1L;

    /// <summary>The SET list for these columns: an UPDATE writes only what changed, and leaves the indexes on other columns alone.</summary>
    public static string Assignments(long columns) => AssignmentsByColumns.GetOrAdd(columns, static bits =>
        string.Join(", ", Columns.Where((_, i) => (bits & (1L << i)) != 0).Select(c => $"{c.Column} = @{c.Column}")));

    /// <summary>The id and these columns' values, as parameters.</summary>
    public static IEnumerable<(string, object?)> Bind(RunRecord run, long columns) =>
        Columns.Where((_, i) => i == 0 || (columns & (1L << i)) != 0).Select(c => ("@" + c.Column, c.Value(run)));

    public static RunRecord Read(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        EnvironmentId = r.GetString(1),
        TaskId = r.GetString(2),
        Status = r.GetString(3),
        Payload = r.GetString(4),
        PayloadType = r.GetString(5),
        Output = SqlRunTransaction.NullableString(r, 6),
        Error = SqlRunTransaction.NullableString(r, 7),
        Tags = r.GetString(8),
        Metadata = SqlRunTransaction.NullableString(r, 9),
        Queue = r.GetString(10),
        ConcurrencyKey = r.GetString(11),
        QueueAt = SqlRunTransaction.Long(r, 12),
        IdempotencyKey = SqlRunTransaction.NullableString(r, 13),
        IdempotencyKeyUser = SqlRunTransaction.NullableString(r, 14),
        IdempotencyExpiresAt = SqlRunTransaction.NullableInt64(r, 15),
        AttemptCount = SqlRunTransaction.Int(r, 16),
        MaxAttempts = SqlRunTransaction.Int(r, 17),
        MaxDurationMs = SqlRunTransaction.NullableInt64(r, 18),
        Ttl = SqlRunTransaction.NullableString(r, 19),
        TtlExpiresAt = SqlRunTransaction.NullableInt64(r, 20),
        DelayUntil = SqlRunTransaction.NullableInt64(r, 21),
        AvailableAt = SqlRunTransaction.Long(r, 22),
        CreatedAt = SqlRunTransaction.Long(r, 23),
        UpdatedAt = SqlRunTransaction.Long(r, 24),
        StartedAt = SqlRunTransaction.NullableInt64(r, 25),
        FinishedAt = SqlRunTransaction.NullableInt64(r, 26),
        ExpiredAt = SqlRunTransaction.NullableInt64(r, 27),
        ParentRunId = SqlRunTransaction.NullableString(r, 28),
        RootRunId = SqlRunTransaction.NullableString(r, 29),
        Depth = SqlRunTransaction.Int(r, 30),
        TriggerFunction = r.GetString(31),
        BatchId = SqlRunTransaction.NullableString(r, 32),
        BatchIndex = r.IsDBNull(33) ? null : SqlRunTransaction.Int(r, 33),
        ResumeParent = SqlRunTransaction.Long(r, 34) != 0,
        LeaseOwner = SqlRunTransaction.NullableString(r, 35),
        LeaseRequest = SqlRunTransaction.NullableString(r, 36),
        LeaseExpiresAt = SqlRunTransaction.NullableInt64(r, 37),
        WaitingFor = SqlRunTransaction.NullableString(r, 38),
        WaitDone = SqlRunTransaction.Long(r, 39) != 0,
    };
}
