using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tasks.Sdk;
using Tasks.Server;

namespace Tasks.Benchmarks.Systems;

/// <summary>
/// Tasks.Sdk as a user runs it in one process: the embedded server (Kestrel on loopback, SQLite file), a client host that
/// triggers through the generated typed client over HTTP, and a worker host started and stopped on demand.
/// </summary>
internal sealed class TasksSdkSystem(SystemConfig config, string dataDirectory) : ISystemUnderTest
{
    private EmbeddedTasksServer? _server;
    private IHost? _clients;
    private IHost? _workers;
    private IBenchTasksClient? _tasks;

    public IReadOnlyDictionary<string, string> Facts => ReadFacts();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _server = await EmbeddedTasksServer.StartAsync(o => o.DataDirectory = dataDirectory, cancellationToken: cancellationToken);
        // Runs can be triggered only for tasks a worker registered: a worker host starts (registering) and stops before any workload.
        await StartWorkersAsync(cancellationToken);
        await StopWorkersAsync(cancellationToken);
        _clients = BuildHost(withWorker: false);
        await _clients.StartAsync(cancellationToken);
        _tasks = _clients.Services.GetRequiredService<IBenchTasksClient>();
    }

    public async Task StartWorkersAsync(CancellationToken cancellationToken)
    {
        _workers = BuildHost(withWorker: true);
        await _workers.StartAsync(cancellationToken);
    }

    public async Task StopWorkersAsync(CancellationToken cancellationToken)
    {
        if (_workers is { } workers)
        {
            _workers = null;
            await workers.StopAsync(cancellationToken);
            workers.Dispose();
        }
    }

    public Task TriggerAsync(int job, CancellationToken cancellationToken) => _tasks!.Noop.TriggerAsync(job, cancellationToken);

    public async Task<bool> TryTriggerBatchAsync(int first, int count, CancellationToken cancellationToken)
    {
        await _tasks!.Noop.BatchTriggerAsync(Enumerable.Range(first, count), cancellationToken);
        return true;
    }

    public Task StartFanoutAsync(int children, CancellationToken cancellationToken) => _tasks!.Fanout.TriggerAsync(children, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await StopWorkersAsync(CancellationToken.None);
        if (_clients is not null)
        {
            await _clients.StopAsync();
            _clients.Dispose();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
    }

    private IHost BuildHost(bool withWorker)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddTasksClient(o =>
        {
            o.ApiUrl = _server!.Address;
            o.SecretKey = _server.SecretKey;
        });
        if (withWorker)
        {
            builder.Services.AddTasksWorker(o => o.MaxConcurrency = config.Workers);
        }

        builder.Services.AddGeneratedTasks();
        return builder.Build();
    }

    private Dictionary<string, string> ReadFacts()
    {
        var facts = new Dictionary<string, string>
        {
            ["Tasks.Sdk"] = typeof(TasksClient).Assembly.GetName().Version?.ToString() ?? "?",
            ["Microsoft.Data.Sqlite"] = typeof(SqliteConnection).Assembly.GetName().Version?.ToString() ?? "?",
        };
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
