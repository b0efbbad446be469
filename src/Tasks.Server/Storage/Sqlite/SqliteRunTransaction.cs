using System.Data.Common;
using Microsoft.Data.Sqlite;
using Tasks.Server.Storage.Sql;

namespace Tasks.Server.Storage.Sqlite;

/// <summary>
/// SQLite's dialect: one writer at a time, so no row or slot locks; <c>rowid</c> orders runs; tags through <c>json_each</c>.
/// The writer's transactions take prepared commands from its <see cref="SqliteStatementCache"/>.
/// </summary>
internal sealed class SqliteRunTransaction(SqliteConnection connection, SqliteTransaction transaction, SqliteStatementCache? statements = null)
    : SqlRunTransaction(connection, transaction)
{
    protected override string LockRows => "";

    protected override string LockRowsSkipLocked => "";

    protected override string InsertionOrder => "rowid";

    protected override string HasAnyTag(string names) => $"EXISTS (SELECT 1 FROM json_each(runs.tags) WHERE json_each.value IN ({names}))";

    public override Task LockSlotsAsync(string environmentId) => Task.CompletedTask;

    protected override DbCommand CreateCommand(string sql) => statements?.Take(sql, transaction) ?? base.CreateCommand(sql);

    protected override void ReleaseCommand(DbCommand command)
    {
        if (statements is null)
        {
            base.ReleaseCommand(command);
        }
        else
        {
            statements.Return((SqliteCommand)command);
        }
    }
}
