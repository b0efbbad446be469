namespace Tasks.Server.Engine;

/// <summary>
/// Wakes long-polls when something changed (a run became ready, a slot freed, a wait completed), so idle workers cost
/// nothing and a new run starts within milliseconds. A pulse wakes every current waiter; waiters re-check the store.
/// </summary>
internal sealed class RunSignals
{
    private TaskCompletionSource _next = NewSource();

    /// <summary>Raised on every <see cref="Pulse"/>: a multi-server store relays it to the other servers.</summary>
    public event Action? Pulsed;

    /// <summary>Something changed here: wakes this server's long-polls and tells the relay, if any.</summary>
    public void Pulse()
    {
        PulseLocal();
        Pulsed?.Invoke();
    }

    /// <summary>Something changed on another server: wakes this server's long-polls only.</summary>
    public void PulseLocal() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    /// <summary>
    /// The next pulse. Take it <em>before</em> checking the store and await it after, so a change that lands between the check
    /// and the wait still wakes the waiter.
    /// </summary>
    public Task NextPulse => Volatile.Read(ref _next).Task;

    /// <summary>Returns after <paramref name="pulse"/> or after <paramref name="timeout"/>, whichever comes first.</summary>
    public static async Task WaitAsync(Task pulse, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        if (timeout <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await pulse.WaitAsync(timeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Nothing changed in time: the caller re-checks anyway.
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
