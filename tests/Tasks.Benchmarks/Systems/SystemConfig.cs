namespace Tasks.Benchmarks.Systems;

/// <summary>Which engine a cell runs.</summary>
internal enum Engine
{
    TasksSdk,
    Hangfire,
}

/// <summary>Where it stores runs. PostgreSQL configs run when the harness has a server (<c>--postgres</c> or <c>--start-postgres</c>).</summary>
internal enum Storage
{
    InMemory,
    Sqlite,
    PostgreSql,
}

/// <summary>One column of the comparison: an engine, a storage and its settings.</summary>
/// <param name="Id">Short id used on the command line and in the tables.</param>
/// <param name="Title">What the table calls it.</param>
/// <param name="Engine">The engine.</param>
/// <param name="Storage">The storage.</param>
/// <param name="Workers">Jobs executing at once: Tasks.Sdk <c>MaxConcurrency</c>, Hangfire <c>WorkerCount</c>.</param>
/// <param name="PollInterval">Hangfire's queue poll interval when set; null keeps the storage's shipped default.</param>
/// <param name="Settings">The settings in words, for the report.</param>
/// <param name="Servers">Tasks.Sdk on PostgreSQL: how many server processes share the database (the worker slots split between them).</param>
internal sealed record SystemConfig(string Id, string Title, Engine Engine, Storage Storage, int Workers, TimeSpan? PollInterval, string Settings, int Servers = 1)
{
    /// <summary>Hangfire's default worker count on 2 cores (min(cores × 5, 20)); the parity setting for both systems.</summary>
    public const int ParityWorkers = 10;

    public bool IsOurs => Engine == Engine.TasksSdk;

    public static IReadOnlyList<SystemConfig> All(string? postgres)
    {
        var configs = new List<SystemConfig>
        {
            new("tasks-sqlite", "Tasks.Sdk · SQLite · 10 slots", Engine.TasksSdk, Storage.Sqlite, ParityWorkers, null,
                "embedded server, WAL + synchronous=NORMAL, MaxConcurrency=10 (Hangfire's worker count), leases 30 s (default)"),
            new("tasks-sqlite-tuned", "Tasks.Sdk · SQLite · 100 slots", Engine.TasksSdk, Storage.Sqlite, 100, null,
                "same, MaxConcurrency=100 (one lease long-poll fills up to 100 slots)"),
            new("hangfire-inmemory", "Hangfire · InMemory", Engine.Hangfire, Storage.InMemory, ParityWorkers, null,
                "Hangfire.InMemory 1.0.0 defaults (blocking fetch, not durable), WorkerCount=10"),
            new("hangfire-sqlite", "Hangfire · SQLite · defaults", Engine.Hangfire, Storage.Sqlite, ParityWorkers, null,
                "Hangfire.Storage.SQLite defaults (WAL, QueuePollInterval 15 s), WorkerCount=10"),
            new("hangfire-sqlite-tuned", "Hangfire · SQLite · 100 ms poll", Engine.Hangfire, Storage.Sqlite, ParityWorkers, TimeSpan.FromMilliseconds(100),
                "Hangfire.Storage.SQLite, QueuePollInterval=100 ms (tuned for latency), WorkerCount=10"),
        };
        if (postgres is not null)
        {
            configs.Add(new("tasks-postgres", "Tasks.Sdk · PostgreSQL · 1 server", Engine.TasksSdk, Storage.PostgreSql, ParityWorkers, null,
                "one server process (this executable, `--serve`: EmbeddedTasksServer) on PostgreSQL, MaxConcurrency=10 (Hangfire's worker count), leases 30 s; client and worker over HTTP"));
            configs.Add(new("tasks-postgres-tuned", "Tasks.Sdk · PostgreSQL · 1 server · 100 slots", Engine.TasksSdk, Storage.PostgreSql, 100, null,
                "same, MaxConcurrency=100 (one lease long-poll fills up to 100 slots)"));
            configs.Add(new("tasks-postgres-2servers", "Tasks.Sdk · PostgreSQL · 2 servers", Engine.TasksSdk, Storage.PostgreSql, ParityWorkers, null,
                "two server processes on one database; clients alternate between them; two worker hosts, 5 slots each, one per server", Servers: 2));
            configs.Add(new("tasks-postgres-2servers-tuned", "Tasks.Sdk · PostgreSQL · 2 servers · 100 slots", Engine.TasksSdk, Storage.PostgreSql, 100, null,
                "same, two worker hosts with 50 slots each", Servers: 2));
            configs.Add(new("hangfire-postgres", "Hangfire · PostgreSQL · defaults", Engine.Hangfire, Storage.PostgreSql, ParityWorkers, null,
                "Hangfire.PostgreSql defaults (QueuePollInterval 15 s), WorkerCount=10"));
            configs.Add(new("hangfire-postgres-tuned", "Hangfire · PostgreSQL · LISTEN/NOTIFY, 50 ms poll", Engine.Hangfire, Storage.PostgreSql, ParityWorkers, TimeSpan.FromMilliseconds(50),
                "Hangfire.PostgreSql EnableLongPolling=true, QueuePollInterval=50 ms, WorkerCount=10"));
        }

        return configs;
    }

    /// <param name="dataDirectory">A fresh folder for the cell's files.</param>
    /// <param name="postgres">The cell's own fresh PostgreSQL database, for PostgreSQL configs.</param>
    public ISystemUnderTest Create(string dataDirectory, string? postgres) => Engine switch
    {
        Engine.TasksSdk => new TasksSdkSystem(this, dataDirectory, postgres),
        Engine.Hangfire => new HangfireSystem(this, dataDirectory, postgres),
        _ => throw new ArgumentOutOfRangeException(nameof(Engine), Engine, null),
    };
}
