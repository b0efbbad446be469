using Npgsql;
using Tasks.Server.Storage.Sql;

namespace Tasks.Server.Storage.Postgres;

/// <summary>
/// PostgreSQL's dialect. Many servers write at once, so a write transaction locks the rows it reads to update
/// (<c>FOR UPDATE</c>), sweeps skip rows another server holds, and slot accounting takes a per-environment advisory lock.
/// </summary>
internal sealed class PostgresRunTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction, bool writes)
    : SqlRunTransaction(connection, transaction)
{
    protected override string LockRows => writes ? " FOR UPDATE" : "";

    protected override string LockRowsSkipLocked => writes ? " FOR UPDATE SKIP LOCKED" : "";

    protected override string InsertionOrder => "seq";

    protected override bool DefersWrites => writes;

    protected override string HasAnyTag(string names) => $"EXISTS (SELECT 1 FROM jsonb_array_elements_text(runs.tags::jsonb) AS tag(value) WHERE tag.value IN ({names}))";

    public override async Task LockSlotsAsync(string environmentId)
    {
        await FlushAsync();
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended(@env, 0))", connection, transaction);
        command.Parameters.AddWithValue("env", environmentId);
        await command.ExecuteNonQueryAsync();
    }
}
