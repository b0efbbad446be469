using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tasks.Sdk;
using Tasks.Server;
using Tasks.Server.Hosting;

namespace Tasks.Integration.Tests;

/// <summary>A real server (SQLite file in a temp folder, Kestrel on loopback) and a real worker host running this assembly's tasks.</summary>
public sealed class TasksFixture : IAsyncLifetime
{
    /// <summary>A second environment's key: it must never see the dev environment's runs.</summary>
    public const string ProductionKey = "tr_prod_0123456789abcdefghijKLMN";

    private IHost? _worker;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "tasks-tests-" + Guid.NewGuid().ToString("N")[..10]);

    public EmbeddedTasksServer Server { get; private set; } = null!;

    public IServiceProvider Services => _worker!.Services;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Raw HTTP with the secret key, for wire-level assertions.</summary>
    public HttpClient Http(string? secretKey = null)
    {
        var http = new HttpClient { BaseAddress = Server.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secretKey ?? Server.SecretKey);
        return http;
    }

    public async Task InitializeAsync()
    {
        Server = await EmbeddedTasksServer.StartAsync(ConfigureServer);
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddScoped<Greeter>();
        builder.Services.AddTasksClient(o =>
        {
            o.ApiUrl = Server.Address;
            o.SecretKey = Server.SecretKey;
            o.PollInterval = TimeSpan.FromMilliseconds(20);
            o.MaxPollInterval = TimeSpan.FromMilliseconds(100);
        });
        builder.Services.AddTasksWorker(o => o.MaxConcurrency = 16);
        builder.Services.AddGeneratedTasks();
        _worker = builder.Build();
        await _worker.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_worker is not null)
        {
            await _worker.StopAsync();
            _worker.Dispose();
        }

        await Server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }

    private void ConfigureServer(TasksServerOptions options)
    {
        options.DataDirectory = DataDirectory;
        options.AdditionalSecretKeys.Add(ProductionKey);
        options.LeaseDuration = TimeSpan.FromSeconds(3);
        options.SweepInterval = TimeSpan.FromMilliseconds(200);
    }
}

[CollectionDefinition(Name)]
public sealed class TasksCollection : ICollectionFixture<TasksFixture>
{
    public const string Name = "tasks";
}
