using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;

namespace Tasks.Benchmarks.Systems;

/// <summary>Hangfire 1.8 in-process: <see cref="BackgroundJobClient"/> enqueues, <see cref="BackgroundJobServer"/> runs the workers.</summary>
internal sealed class HangfireSystem(SystemConfig config, string dataDirectory, string? postgres) : ISystemUnderTest
{
    private JobStorage? _storage;
    private BackgroundJobClient? _client;
    private BackgroundJobServer? _server;

    private string DatabasePath => Path.Combine(dataDirectory, "hangfire.db");

    public IReadOnlyDictionary<string, string> Facts => ReadFacts();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        _storage = config.Storage switch
        {
            Storage.InMemory => new InMemoryStorage(),
            Storage.Sqlite => new SQLiteStorage(DatabasePath, SqliteOptions()),
            Storage.PostgreSql => new PostgreSqlStorage(
                new NpgsqlConnectionFactory(postgres ?? throw new InvalidOperationException("--postgres is required"), PostgresOptions()), PostgresOptions()),
            _ => throw new NotSupportedException(config.Storage.ToString()),
        };
        GlobalConfiguration.Configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(_storage);
        _client = new BackgroundJobClient(_storage);
        HangfireJobs.Client = _client;
        return Task.CompletedTask;
    }

    public Task StartWorkersAsync(CancellationToken cancellationToken)
    {
        _server = new BackgroundJobServer(new BackgroundJobServerOptions { WorkerCount = config.Workers }, _storage!);
        return Task.CompletedTask;
    }

    public Task StopWorkersAsync(CancellationToken cancellationToken)
    {
        var server = Interlocked.Exchange(ref _server, null);
        if (server is not null)
        {
            // Dispose blocks until the workers stopped; keep it off the caller's thread.
            return Task.Run(server.Dispose, cancellationToken);
        }

        return Task.CompletedTask;
    }

    public Task TriggerAsync(int job, CancellationToken cancellationToken)
    {
        _client!.Enqueue(() => HangfireJobs.Noop(job));
        return Task.CompletedTask;
    }

    public Task<bool> TryTriggerBatchAsync(int first, int count, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task StartFanoutAsync(int children, CancellationToken cancellationToken)
    {
        _client!.Enqueue(() => HangfireJobs.FanoutParent(children));
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await StopWorkersAsync(CancellationToken.None);
        (_storage as IDisposable)?.Dispose();
    }

    private SQLiteStorageOptions SqliteOptions()
    {
        var options = new SQLiteStorageOptions();
        if (config.PollInterval is { } poll)
        {
            options.QueuePollInterval = poll;
        }

        return options;
    }

    private PostgreSqlStorageOptions PostgresOptions()
    {
        var options = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true };
        if (config.PollInterval is { } poll)
        {
            options.QueuePollInterval = poll;
            options.EnableLongPolling = true;
        }

        return options;
    }

    private Dictionary<string, string> ReadFacts()
    {
        var facts = new Dictionary<string, string>
        {
            ["Hangfire.Core"] = Version(typeof(BackgroundJob)),
            [$"Hangfire storage ({config.Storage})"] = config.Storage switch
            {
                Storage.InMemory => "Hangfire.InMemory " + Version(typeof(InMemoryStorage)),
                Storage.Sqlite => "Hangfire.Storage.SQLite " + Version(typeof(SQLiteStorage)),
                _ => "Hangfire.PostgreSql " + Version(typeof(PostgreSqlStorage)),
            },
        };
        if (config.Storage == Storage.Sqlite && File.Exists(DatabasePath))
        {
            // Hangfire.Storage.SQLite sets journal_mode but never synchronous: a fresh connection of the same library shows what it ran with.
            using var connection = new SQLite.SQLiteConnection(DatabasePath, SQLite.SQLiteOpenFlags.ReadOnly);
            facts["Hangfire SQLite"] = $"{connection.ExecuteScalar<string>("select sqlite_version()")}, "
                + $"journal_mode={connection.ExecuteScalar<string>("PRAGMA journal_mode")}, synchronous={SynchronousName(connection.ExecuteScalar<int>("PRAGMA synchronous"))} (library default, never set)";
        }

        return facts;
    }

    private static string SynchronousName(int value) => value switch { 0 => "OFF", 1 => "NORMAL", 2 => "FULL", 3 => "EXTRA", _ => value.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private static string Version(Type type) =>
        type.Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false) is [System.Reflection.AssemblyInformationalVersionAttribute v, ..]
            ? v.InformationalVersion.Split('+')[0]
            : type.Assembly.GetName().Version?.ToString() ?? "?";
}
