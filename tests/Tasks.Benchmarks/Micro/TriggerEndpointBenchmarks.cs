using System.Net.Http.Headers;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tasks.Benchmarks.Systems;
using Tasks.Server;

namespace Tasks.Benchmarks.Micro;

/// <summary>
/// The trigger endpoint in-process: an embedded server on loopback with its SQLite file, hit with a raw POST and through the
/// generated typed client (Refit, resilience handler). One trigger per operation, so the figure is one commit's round trip.
/// </summary>
public class TriggerEndpointBenchmarks
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "tasks-micro-" + Guid.NewGuid().ToString("N")[..8]);
    private EmbeddedTasksServer _server = null!;
    private HttpClient _http = null!;
    private IHost _host = null!;
    private IBenchTasksClient _tasks = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await EmbeddedTasksServer.StartAsync(o => o.DataDirectory = _dataDirectory);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddTasksClient(o =>
        {
            o.ApiUrl = _server.Address;
            o.SecretKey = _server.SecretKey;
        });
        builder.Services.AddTasksWorker(o => o.Tasks = ["bench-noop"]);
        builder.Services.AddGeneratedTasks();
        _host = builder.Build();
        await _host.StartAsync(); // registers the tasks
        await _host.StopAsync(); // and stops leasing: runs pile up, nothing executes
        _tasks = _host.Services.GetRequiredService<IBenchTasksClient>();
        _http = new HttpClient { BaseAddress = _server.Address };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _server.SecretKey);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _http.Dispose();
        _host.Dispose();
        await _server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "POST /api/v1/tasks/{id}/trigger, raw HttpClient")]
    public async Task RawPost()
    {
        using var body = new StringContent("""{"payload":-1}""", Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync("api/v1/tasks/bench-noop/trigger", body);
        response.EnsureSuccessStatusCode();
    }

    [Benchmark(Description = "generated client TriggerAsync")]
    public Task TypedClient() => _tasks.Noop.TriggerAsync(-1);
}
