using Microsoft.Data.Sqlite;

namespace Tasks.Server.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Writes go through one connection, one transaction at a time (SQLite has a
/// single writer anyway, and this keeps BUSY errors away); reads use pooled connections and run beside the writer.
/// </summary>
internal sealed class SqliteRunStore : IRunStore, IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private SqliteConnection? _writer;

    public SqliteRunStore(string databasePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        _writer = await OpenAsync(cancellationToken);
        await ExecuteAsync(_writer, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", cancellationToken);
        await using var version = _writer.CreateCommand();
        version.CommandText = "PRAGMA user_version;";
        var applied = Convert.ToInt32(await version.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        for (var i = applied; i < SqliteSchema.Migrations.Length; i++)
        {
            await using var transaction = (SqliteTransaction)await _writer.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(_writer, SqliteSchema.Migrations[i], cancellationToken, transaction);
            await ExecuteAsync(_writer, $"PRAGMA user_version = {i + 1};", cancellationToken, transaction);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    public async Task<T> WriteAsync<T>(Func<IRunTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        var writer = _writer ?? throw new InvalidOperationException("The store is not initialized.");
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = (SqliteTransaction)await writer.BeginTransactionAsync(cancellationToken);
            var result = await work(new SqliteRunTransaction(writer, transaction));
            await transaction.CommitAsync(CancellationToken.None);
            return result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<T> ReadAsync<T>(Func<IRunReader, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        return await work(new SqliteRunTransaction(connection, transaction));
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }

        _writeLock.Dispose();
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken); // the busy timeout comes from DefaultTimeout; readers need no other setting
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
