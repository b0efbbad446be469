using Npgsql;
using Tasks.Server.Engine;

namespace Tasks.Server.Storage.Postgres;

/// <summary>
/// Carries wake-ups between servers with LISTEN/NOTIFY: a change on one server (a trigger, a completion, a freed slot) wakes the
/// long-polls of workers connected to any server within milliseconds. Notifications are debounced: a burst of changes sends one.
/// </summary>
internal sealed class PostgresSignalRelay(PostgresRunStore store, RunSignals signals, ILogger<PostgresSignalRelay> logger) : BackgroundService
{
    private const string Channel = "tasks_runs_changed";
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(2);
    private readonly SemaphoreSlim _changed = new(0, 1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        signals.Pulsed += OnLocalChange;
        return Task.WhenAll(ListenAsync(stoppingToken), NotifyAsync(stoppingToken));
    }

    private void OnLocalChange()
    {
        if (_changed.CurrentCount == 0)
        {
            try
            {
                _changed.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another change already asked for a notification.
            }
        }
    }

    private async Task NotifyAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _changed.WaitAsync(stoppingToken);
                await Task.Delay(Debounce, stoppingToken);
                await using var command = store.DataSource.CreateCommand($"NOTIFY {Channel}");
                await command.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Could not notify other servers: {Error}", e.Message);
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await store.DataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => signals.PulseLocal();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                signals.PulseLocal(); // whatever happened while we were not listening
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Lost the LISTEN connection, reconnecting: {Error}", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    public override void Dispose()
    {
        signals.Pulsed -= OnLocalChange;
        _changed.Dispose();
        base.Dispose();
    }
}
