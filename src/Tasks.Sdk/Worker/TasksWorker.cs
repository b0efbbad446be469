using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Tasks.Sdk.Worker;

/// <summary>
/// The worker host: registers this process's tasks, then long-polls for runs while it has free slots, executes them, and
/// heartbeats the runs it holds. On shutdown it stops leasing and lets running attempts finish within the host's shutdown timeout.
/// </summary>
internal sealed class TasksWorker(
    WorkerConnection connection,
    TaskTable tasks,
    RunExecutor executor,
    ActiveRuns active,
    TimeProvider time,
    ILogger<TasksWorker> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan HeartbeatTick = TimeSpan.FromMilliseconds(250);
    private readonly List<Task> _executions = [];
    private bool _registered;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (tasks.Ids.Count == 0)
        {
            logger.LogWarning("The Tasks.Sdk worker has no tasks: call services.AddGeneratedTasks() in the project that holds the [Task] methods.");
            return;
        }

        if (!_registered)
        {
            try
            {
                await RetryAsync(RegisterAsync, "register", stoppingToken);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }

        using var heartbeats = new CancellationTokenSource();
        var heartbeat = HeartbeatLoopAsync(heartbeats.Token);
        try
        {
            await LeaseLoopAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: stop leasing, let running attempts finish.
        }

        Task[] running;
        lock (_executions)
        {
            running = [.. _executions];
        }

        await Task.WhenAll(running);
        await heartbeats.CancelAsync();
        await heartbeat;
    }

    /// <summary>
    /// Registers before the host finishes starting when the server is reachable, so code that triggers right after
    /// <c>StartAsync</c> finds the tasks; otherwise registration keeps retrying in the background.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (tasks.Ids.Count > 0)
        {
            using var firstTry = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            firstTry.CancelAfter(TimeSpan.FromSeconds(10));
            try
            {
                await RegisterAsync(firstTry.Token);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Worker could not register at start, retrying in the background: {Error}", e.Message);
            }
        }

        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host's shutdown timeout ends the grace period: cancel whatever still runs so it reports and the host can exit.
        await using var registration = cancellationToken.Register(() =>
        {
            foreach (var id in active.Ids)
            {
                active.Cancel(id);
            }
        });
        await base.StopAsync(cancellationToken);
    }

    private async Task RegisterAsync(CancellationToken cancellationToken)
    {
        await connection.RegisterAsync(tasks.Registrations(), cancellationToken);
        _registered = true;
        logger.LogInformation("Worker {WorkerId} registered {Count} task(s): {Tasks}", connection.WorkerId, tasks.Ids.Count, string.Join(", ", tasks.Ids));
    }

    private async Task LeaseLoopAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(100);
        while (!stoppingToken.IsCancellationRequested)
        {
            var slots = await connection.Slots.AcquireForLeaseAsync(stoppingToken);
            IReadOnlyList<Protocol.LeasedRun> runs;
            try
            {
                runs = await connection.LeaseAsync(tasks.Ids, slots, stoppingToken);
                backoff = TimeSpan.FromMilliseconds(100);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                connection.Slots.Release(slots);
                logger.LogWarning("Leasing runs failed, retrying in {Delay}: {Error}", backoff, e.Message);
                await Task.Delay(backoff, time, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                continue;
            }
            catch
            {
                connection.Slots.Release(slots);
                throw;
            }

            connection.Slots.Release(slots - runs.Count);
            foreach (var run in runs)
            {
                Track(Task.Run(() => executor.ExecuteAsync(run), CancellationToken.None));
            }
        }
    }

    private void Track(Task execution)
    {
        lock (_executions)
        {
            _executions.RemoveAll(t => t.IsCompleted);
            _executions.Add(execution);
        }
    }

    private async Task HeartbeatLoopAsync(CancellationToken cancellationToken)
    {
        // Ticks often and beats three times per lease: the lease length is only known after the first lease response.
        var lastBeat = time.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(HeartbeatTick, time, cancellationToken);
                var held = active.Ids;
                if (held.Count == 0 || time.GetElapsedTime(lastBeat) < connection.Lease / 3)
                {
                    continue;
                }

                lastBeat = time.GetTimestamp();
                foreach (var canceled in await connection.HeartbeatAsync(held, cancellationToken))
                {
                    active.Cancel(canceled);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Heartbeat failed: {Error}", e.Message);
            }
        }
    }

    private async Task RetryAsync(Func<CancellationToken, Task> call, string what, CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                await call(stoppingToken);
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Worker could not {What} yet, retrying in {Delay}: {Error}", what, backoff, e.Message);
                await Task.Delay(backoff, time, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }
}
