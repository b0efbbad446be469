namespace Tasks.Server.Engine;

/// <summary>
/// Wakes long-polls when something changed (a run became ready, a slot freed, a wait completed), so idle workers cost
/// nothing and a new run starts within milliseconds. A pulse wakes every current waiter; waiters re-check the store.
/// </summary>
internal sealed class RunSignals
{
    private TaskCompletionSource _next = NewSource();

    public void Pulse() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    /// <summary>Returns after the next pulse or after <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        if (timeout <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await Volatile.Read(ref _next).Task.WaitAsync(timeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Nothing changed in time: the caller re-checks anyway.
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
