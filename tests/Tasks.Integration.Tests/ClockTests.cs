using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Tasks.Sdk;
using Tasks.Server;

namespace Tasks.Integration.Tests;

/// <summary>A server whose clock the test moves: hour-long delays and ten-minute TTLs are tested without sleeping.</summary>
public sealed class ClockFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "tasks-clock-" + Guid.NewGuid().ToString("N")[..10]);
    private IHost? _worker;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public EmbeddedTasksServer Server { get; private set; } = null!;

    public TasksClient Client => _worker!.Services.GetRequiredService<TasksClient>();

    public async Task InitializeAsync()
    {
        Server = await EmbeddedTasksServer.StartAsync(
            o => o.DataDirectory = _dataDirectory,
            services: s => s.AddSingleton<TimeProvider>(Clock));
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddScoped<Greeter>();
        builder.Services.AddTasksClient(o =>
        {
            o.ApiUrl = Server.Address;
            o.SecretKey = Server.SecretKey;
        });
        builder.Services.AddTasksWorker(o => o.Tasks = ["add"]);
        builder.Services.AddGeneratedTasks();
        _worker = builder.Build();
        await _worker.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _worker!.StopAsync();
        _worker.Dispose();
        await Server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}

public sealed class ClockTests(ClockFixture fixture) : IClassFixture<ClockFixture>
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task A_run_delayed_by_an_hour_starts_when_the_clock_reaches_its_due_time()
    {
        var add = new TaskClient<Numbers, int>(fixture.Client, "add");
        var handle = await add.TriggerAsync(new Numbers(1, 2), new TriggerOptions { Delay = TimeSpan.FromHours(1) }, Timeout);

        fixture.Clock.Advance(TimeSpan.FromMinutes(59));
        var early = await handle.RetrieveAsync(Timeout);
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        var run = await handle.WaitForCompletionAsync(Timeout);

        Assert.Equal(RunStatus.Delayed, early.Status);
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(3, run.Output);
    }

    [Fact]
    public async Task A_run_not_started_within_its_ten_minute_ttl_expires()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.Address };
        http.DefaultRequestHeaders.Authorization = new("Bearer", fixture.Server.SecretKey);
        var register = """{"workerId":"absent","tasks":[{"id":"never-leased","queue":"task/never-leased","maxAttempts":1,"minRetryDelayMs":1000,"maxRetryDelayMs":1000,"retryFactor":2}]}""";
        (await http.PostAsync("api/worker/v1/register", new StringContent(register, Encoding.UTF8, "application/json"), Timeout)).EnsureSuccessStatusCode();
        var trigger = await http.PostAsync("api/v1/tasks/never-leased/trigger", new StringContent("""{"payload":1,"options":{"ttl":"10m"}}""", Encoding.UTF8, "application/json"), Timeout);
        var handle = fixture.Client.GetHandle((await trigger.Content.ReadFromJsonAsync<JsonElement>(Timeout)).GetProperty("id").GetString()!);

        fixture.Clock.Advance(TimeSpan.FromMinutes(9));
        var before = await handle.RetrieveAsync(Timeout);
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        var run = await handle.WaitForCompletionAsync(Timeout);

        Assert.Equal(RunStatus.Queued, before.Status);
        Assert.Equal(RunStatus.Expired, run.Status);
    }
}
