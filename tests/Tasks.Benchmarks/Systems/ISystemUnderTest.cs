namespace Tasks.Benchmarks.Systems;

/// <summary>
/// One job system on one storage, driven the same way by every workload: trigger no-op job <c>i</c>, start and stop workers,
/// fan out. Each cell of the harness creates one, in a process of its own, on a fresh database.
/// </summary>
internal interface ISystemUnderTest : IAsyncDisposable
{
    /// <summary>Starts the storage (and server) and the trigger client; no workers yet.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Starts workers (<see cref="SystemConfig.Workers"/> of them) that run the no-op job and the fan-out jobs.</summary>
    Task StartWorkersAsync(CancellationToken cancellationToken);

    /// <summary>Stops the workers, letting running jobs finish.</summary>
    Task StopWorkersAsync(CancellationToken cancellationToken);

    /// <summary>Triggers (enqueues) the no-op job with number <paramref name="job"/>.</summary>
    Task TriggerAsync(int job, CancellationToken cancellationToken);

    /// <summary>Triggers the no-op jobs <paramref name="first"/> .. first+count-1 in one call; false when the system has no batch trigger.</summary>
    Task<bool> TryTriggerBatchAsync(int first, int count, CancellationToken cancellationToken);

    /// <summary>Starts a parent that waits for <paramref name="children"/> children and then calls <see cref="Probe.FanoutDone"/> with their sum.</summary>
    Task StartFanoutAsync(int children, CancellationToken cancellationToken);

    /// <summary>Facts worth printing next to the figures: versions, pragmas read back, what a workload really does on this system.</summary>
    IReadOnlyDictionary<string, string> Facts { get; }
}
