using Microsoft.Data.Sqlite;

namespace Tasks.Server.Storage.Sqlite;

/// <summary>
/// Prepared commands of the one writer connection, by SQL text, so SQLite parses each statement once rather than on every call.
/// A command is taken out while in use, so a statement nested inside another's reader gets its own.
/// </summary>
internal sealed class SqliteStatementCache(SqliteConnection connection) : IDisposable
{
    private const int Capacity = 256;
    private readonly Dictionary<string, SqliteCommand> _idle = new(StringComparer.Ordinal);

    public SqliteCommand Take(string sql, SqliteTransaction transaction)
    {
        if (!_idle.Remove(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
        }

        command.Transaction = transaction;
        return command;
    }

    public void Return(SqliteCommand command)
    {
        command.Parameters.Clear();
        command.Transaction = null;
        if (_idle.Count >= Capacity || !_idle.TryAdd(command.CommandText, command))
        {
            command.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var command in _idle.Values)
        {
            command.Dispose();
        }

        _idle.Clear();
    }
}
