using Npgsql;

namespace Tasks.Benchmarks.Systems;

/// <summary>
/// A fresh PostgreSQL database for one cell (<c>bench_&lt;guid&gt;</c>), created through the admin connection (<c>--postgres</c>,
/// which needs CREATEDB) and dropped after the cell, so no cell sees another's rows or schema.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _admin;
    private readonly string _name;

    private BenchDatabase(string admin, string name, string connectionString)
    {
        _admin = admin;
        _name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The new database's connection string (the admin one with <c>Database</c> replaced, pooled).</summary>
    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(string admin, CancellationToken cancellationToken)
    {
        var name = "bench_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(admin, $"CREATE DATABASE {name}", cancellationToken);
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        builder.Remove("Pooling");
        return new BenchDatabase(admin, name, builder.ConnectionString);
    }

    /// <summary>What the report prints: the server's version and the settings that decide what a commit costs.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReadFactsAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var settings = new List<string>();
        foreach (var name in new[] { "fsync", "synchronous_commit", "full_page_writes", "wal_sync_method", "shared_buffers", "max_connections" })
        {
            await using var show = new NpgsqlCommand($"SHOW {name}", connection);
            settings.Add($"{name}={await show.ExecuteScalarAsync(cancellationToken)}");
        }

        return new Dictionary<string, string>
        {
            ["PostgreSQL"] = $"{connection.PostgreSqlVersion}, {string.Join(", ", settings)}",
            ["Npgsql"] = typeof(NpgsqlConnection).Assembly.GetName().Version?.ToString() ?? "?",
        };
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        // FORCE: a pooled connection the cell left open must not keep the database alive.
        await ExecuteAsync(_admin, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", CancellationToken.None);
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
