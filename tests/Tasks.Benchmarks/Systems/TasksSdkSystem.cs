using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tasks.Sdk;
using Tasks.Server;

namespace Tasks.Benchmarks.Systems;

/// <summary>
/// Tasks.Sdk as a user runs it: on SQLite, the embedded server (Kestrel on loopback, SQLite file) in this process; on PostgreSQL,
/// <see cref="SystemConfig.Servers"/> server processes of their own on one database. A client host per server triggers through the
/// generated typed client over HTTP (alternating between servers), and a worker host per server (the slots split between them)
/// is started and stopped on demand.
/// </summary>
internal sealed class TasksSdkSystem(SystemConfig config, string dataDirectory, string? postgres) : ISystemUnderTest
{
    private readonly List<TasksServerProcess> _serverProcesses = [];
    private readonly List<IHost> _clients = [];
    private EmbeddedTasksServer? _embedded;
    private Uri[] _servers = [];
    private string _secretKey = "";
    private IBenchTasksClient[] _tasks = [];
    private IHost[] _workers = [];
    private int _next = -1;

    public IReadOnlyDictionary<string, string> Facts => ReadFacts();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (config.Storage == Storage.PostgreSql)
        {
            _secretKey = "tr_dev_" + RandomNumberGenerator.GetString("0123456789abcdefghijklmnopqrstuvwxyz", 24);
            // One after another: the first applies the migrations and creates the environment, the others find them.
            for (var i = 0; i < config.Servers; i++)
            {
                var connectionString = postgres ?? throw new InvalidOperationException("--postgres or --start-postgres is required");
                _serverProcesses.Add(await TasksServerProcess.StartAsync(connectionString, _secretKey, Path.Combine(dataDirectory, $"server-{i}"), cancellationToken));
            }

            _servers = [.. _serverProcesses.Select(s => s.Address)];
        }
        else
        {
            _embedded = await EmbeddedTasksServer.StartAsync(o => o.DataDirectory = dataDirectory, cancellationToken: cancellationToken);
            (_servers, _secretKey) = ([_embedded.Address], _embedded.SecretKey);
        }

        // Runs can be triggered only for tasks a worker registered: worker hosts start (registering) and stop before any workload.
        await StartWorkersAsync(cancellationToken);
        await StopWorkersAsync(cancellationToken);
        foreach (var server in _servers)
        {
            var client = BuildHost(server, slots: null);
            await client.StartAsync(cancellationToken);
            _clients.Add(client);
        }

        _tasks = [.. _clients.Select(c => c.Services.GetRequiredService<IBenchTasksClient>())];
    }

    public async Task StartWorkersAsync(CancellationToken cancellationToken)
    {
        // The slots split across one worker host per server (the first takes any remainder).
        var workers = _servers.Select((server, i) => BuildHost(server, config.Workers / _servers.Length + (i == 0 ? config.Workers % _servers.Length : 0))).ToArray();
        await Task.WhenAll(workers.Select(w => w.StartAsync(cancellationToken)));
        _workers = workers;
    }

    public async Task StopWorkersAsync(CancellationToken cancellationToken)
    {
        var workers = Interlocked.Exchange(ref _workers, []);
        await Task.WhenAll(workers.Select(w => w.StopAsync(cancellationToken)));
        foreach (var worker in workers)
        {
            worker.Dispose();
        }
    }

    public Task TriggerAsync(int job, CancellationToken cancellationToken) => NextClient().Noop.TriggerAsync(job, cancellationToken);

    public async Task<bool> TryTriggerBatchAsync(int first, int count, CancellationToken cancellationToken)
    {
        await NextClient().Noop.BatchTriggerAsync(Enumerable.Range(first, count), cancellationToken);
        return true;
    }

    public Task StartFanoutAsync(int children, CancellationToken cancellationToken) => NextClient().Fanout.TriggerAsync(children, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await StopWorkersAsync(CancellationToken.None);
        foreach (var client in _clients)
        {
            await client.StopAsync();
            client.Dispose();
        }

        if (_embedded is not null)
        {
            await _embedded.DisposeAsync();
        }

        foreach (var server in _serverProcesses)
        {
            await server.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
    }

    /// <summary>The clients take turns, so with two servers each gets every other trigger.</summary>
    private IBenchTasksClient NextClient() => _tasks[(int)((uint)Interlocked.Increment(ref _next) % (uint)_tasks.Length)];

    /// <summary>A client host on <paramref name="server"/>; with <paramref name="slots"/>, a worker host with that many slots.</summary>
    private IHost BuildHost(Uri server, int? slots)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddTasksClient(o =>
        {
            o.ApiUrl = server;
            o.SecretKey = _secretKey;
        });
        if (slots is { } maxConcurrency)
        {
            builder.Services.AddTasksWorker(o => o.MaxConcurrency = maxConcurrency);
        }

        builder.Services.AddGeneratedTasks();
        return builder.Build();
    }

    private Dictionary<string, string> ReadFacts()
    {
        var facts = new Dictionary<string, string>
        {
            ["Tasks.Sdk"] = typeof(TasksClient).Assembly.GetName().Version?.ToString() ?? "?",
        };
        if (config.Storage == Storage.Sqlite)
        {
            facts["Microsoft.Data.Sqlite"] = typeof(SqliteConnection).Assembly.GetName().Version?.ToString() ?? "?";
        }

        var database = Path.Combine(dataDirectory, "tasks.db");
        if (File.Exists(database))
        {
            using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
            connection.Open();
            facts["Tasks.Sdk SQLite"] = $"{Scalar(connection, "select sqlite_version()")}, journal_mode={Scalar(connection, "PRAGMA journal_mode")}, "
                + "synchronous=NORMAL (set by the server on each connection)";
        }

        return facts;
    }

    private static string Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
