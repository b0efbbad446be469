using Microsoft.Extensions.Options;
using Tasks.Server.Auth;
using Tasks.Server.Dashboard;
using Tasks.Server.Storage;

namespace Tasks.Server.Hosting;

/// <summary>Migrates the store and sets up the secret key before Kestrel accepts requests (hosted services start first).</summary>
internal sealed class ServerStartup(IRunStore store, EnvironmentKeys keys, DashboardAuth dashboard, IOptions<TasksServerOptions> options, ILogger<ServerStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        await keys.InitializeAsync(cancellationToken);
        logger.LogInformation("Tasks server ready. Secret key: {SecretKey} (give it to workers and backends as TRIGGER_SECRET_KEY)", keys.StartupKey);
        if (options.Value.DashboardEnabled)
        {
            if (dashboard.TokenIsGenerated)
            {
                logger.LogInformation("Dashboard: {Path} (sign in with the dashboard token {DashboardToken})", DashboardEndpoints.BasePath, dashboard.Token);
            }
            else
            {
                logger.LogInformation("Dashboard: {Path} (sign in with the configured dashboard token)", DashboardEndpoints.BasePath);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
