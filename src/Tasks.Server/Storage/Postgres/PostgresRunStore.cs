using System.Data;
using Npgsql;

namespace Tasks.Server.Storage.Postgres;

/// <summary>
/// The distributed store: any number of servers on one PostgreSQL database. Write transactions run at READ COMMITTED with row
/// and advisory locks (see <see cref="PostgresRunTransaction"/>); one that loses a race (a serialization failure, a deadlock, or a
/// unique key another server inserted first) is retried from the start, where it sees the winner's rows.
/// </summary>
internal sealed class PostgresRunStore : IRunStore, IAsyncDisposable
{
    private const int MaxTries = 8;
    private readonly NpgsqlDataSource _source;

    public PostgresRunStore(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("MaxPoolSize", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = 200; // long-polls hold no connection, but many workers complete and heartbeat at once
        }

        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64; // the engine's statements are few and repeated: parse and plan each once per connection
        }

        _source = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public NpgsqlDataSource DataSource => _source;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({PostgresSchema.MigrationLock})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)", cancellationToken);
            await using var read = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", connection);
            var applied = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            for (var i = applied; i < PostgresSchema.Migrations.Length; i++)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, PostgresSchema.Migrations[i], cancellationToken, transaction);
                await ExecuteAsync(connection, $"INSERT INTO schema_migrations (version) VALUES ({i + 1})", cancellationToken, transaction);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({PostgresSchema.MigrationLock})", CancellationToken.None);
        }
    }

    public async Task<T> WriteAsync<T>(Func<IRunTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await _source.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            try
            {
                var tx = new PostgresRunTransaction(connection, transaction, writes: true);
                var result = await work(tx);
                await tx.FlushAsync();
                await transaction.CommitAsync(CancellationToken.None);
                return result;
            }
            catch (PostgresException e) when (attempt < MaxTries && e.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.UniqueViolation)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), cancellationToken);
            }
        }
    }

    public async Task<T> ReadAsync<T>(Func<IRunReader, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        return await work(new PostgresRunTransaction(connection, transaction, writes: false));
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
