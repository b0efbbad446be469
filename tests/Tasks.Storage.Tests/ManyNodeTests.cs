using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tasks.Sdk;

namespace Tasks.Storage.Tests;

/// <summary>
/// Two server processes and three worker processes on one PostgreSQL database, under load, with and without processes killed
/// mid-load. Each worker logs every attempt's start and end; the log proves each attempt ran once and the queue limit held.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ManyNodeTests(PostgresServer postgres) : IAsyncLifetime
{
    private const string SecretKey = "tr_dev_manynodes0123456789abcde";
    private const int StepQueueLimit = 8; // MultiNodeTasks.StepQueueLimit in the test worker
    private readonly string _logs = Path.Combine(Path.GetTempPath(), "tasks-nodes-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly List<NodeProcess> _nodes = [];
    private string _database = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_logs);
        _database = await postgres.CreateDatabaseAsync();
    }

    public Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            node.Dispose();
        }

        Directory.Delete(_logs, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Five_thousand_runs_on_two_servers_and_three_workers_all_complete_once_within_the_queue_limit()
    {
        var (a, b) = (await StartServerAsync(TimeSpan.FromSeconds(30)), await StartServerAsync(TimeSpan.FromSeconds(30)));
        foreach (var server in new[] { a, b, b })
        {
            await StartWorkerAsync(server);
        }

        // 4,400 steps and 50 parents waiting on 11 children each: 5,000 runs, triggered through both servers.
        var triggered = new List<string>();
        triggered.AddRange(await TriggerStepsAsync(a, 2_000));
        triggered.AddRange(await TriggerStepsAsync(b, 2_400));
        triggered.AddRange(await TriggerParentsAsync(a, 25, children: 11));
        triggered.AddRange(await TriggerParentsAsync(b, 25, children: 11));

        await WaitUntilAllFinishedAsync(expected: 5_000);

        Assert.Equal(5_000, await CountAsync("SELECT COUNT(*) FROM runs WHERE status = 'COMPLETED'"));
        var starts = ReadLog().Where(e => e.What == "start").ToList();
        Assert.All(starts.GroupBy(e => (e.RunId, e.Attempt)), attempt => Assert.Single(attempt));
        Assert.Equal(5_000, starts.Select(e => e.RunId).Distinct().Count());
        Assert.InRange(MaxConcurrentSteps(), 1, StepQueueLimit);
        Assert.All(triggered, id => Assert.Contains(id, starts.Select(e => e.RunId)));
    }

    [Fact]
    public async Task Killing_a_server_and_a_worker_mid_load_loses_no_acknowledged_run()
    {
        // Short leases, so the killed worker's runs come back quickly; a parent whose lease lapses under load may run again
        // (and trigger its children again), so this test counts what was acknowledged, not a total.
        var (a, b) = (await StartServerAsync(TimeSpan.FromSeconds(3)), await StartServerAsync(TimeSpan.FromSeconds(3)));
        var doomedWorker = await StartWorkerAsync(b);
        await StartWorkerAsync(b);
        await StartWorkerAsync(a);

        var acknowledged = new List<string>();
        acknowledged.AddRange(await TriggerStepsAsync(a, 800));
        acknowledged.AddRange(await TriggerParentsAsync(a, 10, children: 5));
        acknowledged.AddRange(await TriggerStepsAsync(b, 640));
        a.Kill(); // its worker is stranded; what it acknowledged is in the database
        doomedWorker.Kill();
        await StartWorkerAsync(b);

        await WaitUntilAllFinishedAsync(expected: acknowledged.Count + 50);

        Assert.Equal(await CountAsync("SELECT COUNT(*) FROM runs"), await CountAsync("SELECT COUNT(*) FROM runs WHERE status = 'COMPLETED'"));
        var starts = ReadLog().Where(e => e.What == "start").ToList();
        Assert.All(starts.GroupBy(e => (e.RunId, e.Attempt)), attempt => Assert.Single(attempt));
        Assert.All(acknowledged, id => Assert.Contains(id, starts.Select(e => e.RunId)));
    }

    private async Task<NodeProcess> StartServerAsync(TimeSpan lease)
    {
        var server = await NodeProcess.StartServerAsync(_database, SecretKey, lease);
        _nodes.Add(server);
        return server;
    }

    private async Task<NodeProcess> StartWorkerAsync(NodeProcess server)
    {
        var worker = await NodeProcess.StartWorkerAsync(server.Address!, SecretKey, Path.Combine(_logs, $"worker-{_nodes.Count}.log"));
        _nodes.Add(worker);
        return worker;
    }

    private static TasksClient ClientFor(NodeProcess server) => new ServiceCollection()
        .AddTasksClient(o =>
        {
            o.ApiUrl = server.Address;
            o.SecretKey = SecretKey;
        })
        .BuildServiceProvider()
        .GetRequiredService<TasksClient>();

    private static async Task<IReadOnlyList<string>> TriggerStepsAsync(NodeProcess server, int count)
    {
        var client = ClientFor(server);
        var steps = new TaskClient<Step, int>(client, "mn-step");
        var ids = new List<string>();
        for (var offset = 0; offset < count; offset += TasksClient.MaxBatchSize)
        {
            var batch = await steps.BatchTriggerAsync(Enumerable.Range(offset, Math.Min(TasksClient.MaxBatchSize, count - offset)).Select(i => new Step(i)));
            ids.AddRange(await batch.GetRunIdsAsync());
        }

        return ids;
    }

    private static async Task<IReadOnlyList<string>> TriggerParentsAsync(NodeProcess server, int count, int children)
    {
        var parents = new TaskClient<Step, int>(ClientFor(server), "mn-parent");
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await parents.TriggerAsync(new Step(children))).Id);
        }

        return ids;
    }

    private async Task WaitUntilAllFinishedAsync(int expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        while (true)
        {
            var total = await CountAsync("SELECT COUNT(*) FROM runs");
            var finished = await CountAsync("SELECT COUNT(*) FROM runs WHERE status IN ('COMPLETED','FAILED','CANCELED','CRASHED','SYSTEM_FAILURE','EXPIRED','TIMED_OUT')");
            if (finished >= expected && finished == total)
            {
                return;
            }

            await Task.Delay(250, timeout.Token);
        }
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private List<LogEntry> ReadLog() => Directory.GetFiles(_logs, "*.log")
        .SelectMany(File.ReadAllLines)
        .Select(line => line.Split(' '))
        .Where(parts => parts.Length == 5)
        .Select(parts => new LogEntry(parts[0], parts[1], int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture), parts[3], long.Parse(parts[4], System.Globalization.CultureInfo.InvariantCulture)))
        .ToList();

    /// <summary>The most <c>mn-step</c> attempts seen between their start and end lines at once, across every worker.</summary>
    private int MaxConcurrentSteps()
    {
        var events = ReadLog().Where(e => e.TaskId == "mn-step").OrderBy(e => e.Ticks).ThenBy(e => e.What == "end" ? 0 : 1);
        int now = 0, max = 0;
        foreach (var e in events)
        {
            now += e.What == "start" ? 1 : -1;
            max = Math.Max(max, now);
        }

        return max;
    }

    private sealed record LogEntry(string What, string RunId, int Attempt, string TaskId, long Ticks);

    private sealed record Step(int Number);
}
