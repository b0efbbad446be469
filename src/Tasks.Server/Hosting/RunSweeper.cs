using Microsoft.Extensions.Options;
using Tasks.Server.Engine;

namespace Tasks.Server.Hosting;

/// <summary>Periodically retries runs whose worker died (lease expired) and expires runs past their TTL.</summary>
internal sealed class RunSweeper(RunEngine engine, TimeProvider time, IOptions<TasksServerOptions> options, ILogger<RunSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await engine.SweepAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Sweeping expired leases and TTLs failed");
            }
        }
    }
}
