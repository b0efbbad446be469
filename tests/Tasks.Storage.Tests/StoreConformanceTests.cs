using Tasks.Server.Storage;
using Tasks.Server.Storage.Postgres;
using Tasks.Server.Storage.Sqlite;

namespace Tasks.Storage.Tests;

/// <summary>The conformance suite on the embedded store: a real SQLite file.</summary>
public sealed class SqliteConformanceTests : RunEngineConformance
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tasks-store-" + Guid.NewGuid().ToString("N")[..10]);

    internal override Task<IRunStore> CreateStoreAsync() => Task.FromResult<IRunStore>(new SqliteRunStore(Path.Combine(_directory, "tasks.db")));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>The same suite, unchanged, on a real PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresConformanceTests(PostgresServer postgres) : RunEngineConformance
{
    internal override async Task<IRunStore> CreateStoreAsync() => new PostgresRunStore(await postgres.CreateDatabaseAsync());
}
