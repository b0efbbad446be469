using Microsoft.Extensions.DependencyInjection.Extensions;
using Tasks.Server.Api;
using Tasks.Server.Auth;
using Tasks.Server.Dashboard;
using Tasks.Server.Engine;
using Tasks.Server.Hosting;
using Tasks.Server.Storage;
using Tasks.Server.Storage.Postgres;
using Tasks.Server.Storage.Sqlite;

namespace Tasks.Server;

/// <summary>Adds the run engine to an ASP.NET Core app: <c>services.AddTasksServer(...)</c>, then <c>app.MapTasksServer()</c>.</summary>
public static class TasksServerServiceCollectionExtensions
{
    /// <summary>Registers the engine, the SQLite store, key handling and the background sweeper. Options bind from the <c>Tasks</c> section.</summary>
    public static IServiceCollection AddTasksServer(this IServiceCollection services, IConfiguration configuration, Action<TasksServerOptions>? configure = null)
    {
        var options = services.AddOptions<TasksServerOptions>().Bind(configuration.GetSection("Tasks"));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        var postgres = configuration.GetConnectionString("Tasks") ?? configuration["Tasks:PostgresConnectionString"];
        options.PostConfigure(o => o.PostgresConnectionString ??= postgres);
        var settings = new TasksServerOptions { PostgresConnectionString = postgres };
        configure?.Invoke(settings);
        if (settings.PostgresConnectionString is { Length: > 0 } connectionString)
        {
            services.AddSingleton(new PostgresRunStore(connectionString));
            services.AddSingleton<IRunStore>(provider => provider.GetRequiredService<PostgresRunStore>());
            services.AddHostedService<PostgresSignalRelay>();
        }
        else
        {
            services.AddSingleton<IRunStore>(provider =>
                new SqliteRunStore(provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<TasksServerOptions>>().Value.DatabasePath));
        }
        services.AddSingleton<RunSignals>();
        services.AddSingleton<RunEngine>();
        services.AddSingleton<EnvironmentKeys>();
        services.AddSingleton<ApiKeyFilter>();
        services.AddSingleton<DashboardAuth>();
        services.AddHostedService<ServerStartup>();
        services.AddHostedService<RunSweeper>();
        return services;
    }

    /// <summary>Maps Trigger.dev's REST API, the worker protocol and (unless disabled) the dashboard.</summary>
    public static WebApplication MapTasksServer(this WebApplication app)
    {
        app.UseMiddleware<ApiErrors>();
        app.MapTriggerApi();
        app.MapManagementApi();
        app.MapWorkerApi();
        app.MapGet("/healthz", () => Results.Text("ok"));
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TasksServerOptions>>().Value.DashboardEnabled)
        {
            app.MapDashboard();
        }

        return app;
    }
}
