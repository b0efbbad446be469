namespace Tasks.Sdk.Worker;

/// <summary>The worker's local execution slots. A run gives its slot back while it waits and takes one again to resume.</summary>
internal sealed class WorkerSlots(int capacity)
{
    private readonly SemaphoreSlim _free = new(capacity, capacity);

    public Task AcquireAsync(CancellationToken cancellationToken) => _free.WaitAsync(cancellationToken);

    /// <summary>Takes up to <paramref name="most"/> more slots without waiting; returns how many it took.</summary>
    public int TryAcquireMore(int most)
    {
        var taken = 0;
        while (taken < most && _free.Wait(0))
        {
            taken++;
        }

        return taken;
    }

    public void Release(int count = 1)
    {
        if (count > 0)
        {
            _free.Release(count);
        }
    }
}
