using Microsoft.Data.Sqlite;

namespace Tasks.Server.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Writes go through one connection (SQLite has a single writer anyway, and
/// this keeps BUSY errors away), committed in groups by <see cref="SqliteGroupWriter"/>; reads use pooled connections and run
/// beside the writer.
/// </summary>
internal sealed class SqliteRunStore : IRunStore, IAsyncDisposable
{
    private readonly string _connectionString;
    private SqliteGroupWriter? _writer;

    public SqliteRunStore(string databasePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var writer = await OpenAsync(cancellationToken);
        await ExecuteAsync(writer, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", cancellationToken);
        await using var version = writer.CreateCommand();
        version.CommandText = "PRAGMA user_version;";
        var applied = Convert.ToInt32(await version.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        for (var i = applied; i < SqliteSchema.Migrations.Length; i++)
        {
            await using var transaction = (SqliteTransaction)await writer.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(writer, SqliteSchema.Migrations[i], cancellationToken, transaction);
            await ExecuteAsync(writer, $"PRAGMA user_version = {i + 1};", cancellationToken, transaction);
            await transaction.CommitAsync(cancellationToken);
        }

        _writer = new SqliteGroupWriter(writer);
    }

    public Task<T> WriteAsync<T>(Func<IRunTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        (_writer ?? throw new InvalidOperationException("The store is not initialized.")).WriteAsync(work, cancellationToken);

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
