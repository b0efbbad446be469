using System.Diagnostics;

namespace Tasks.Sdk.Worker;

/// <summary>The worker's local execution slots. A run gives its slot back while it waits and takes one again to resume.</summary>
internal sealed class WorkerSlots(int capacity)
{
    /// <summary>Most runs asked for in one lease.</summary>
    public const int MaxLease = 100;

    /// <summary>How long a busy worker lets freed slots gather before leasing for fewer than half of them.</summary>
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(2);

    private readonly SemaphoreSlim _free = new(capacity, capacity);

    public Task AcquireAsync(CancellationToken cancellationToken) => _free.WaitAsync(cancellationToken);

    /// <summary>
    /// Waits for a free slot, then takes every other free one (up to <see cref="MaxLease"/>). An idle worker leases at once;
    /// a busy one that frees slots one by one waits up to <see cref="Linger"/> for half of its slots, so that it makes one
    /// lease call for many runs rather than one per run.
    /// </summary>
    public async Task<int> AcquireForLeaseAsync(CancellationToken cancellationToken)
    {
        var most = Math.Min(capacity, MaxLease);
        await _free.WaitAsync(cancellationToken);
        var taken = 1 + TryAcquireMore(most - 1);
        var enough = Math.Max(1, most / 2);
        var deadline = Stopwatch.GetTimestamp() + (long)(Linger.TotalSeconds * Stopwatch.Frequency);
        while (taken < enough && Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline) is { Ticks: > 0 } left
            && await _free.WaitAsync(left, cancellationToken))
        {
            taken += 1 + TryAcquireMore(most - taken - 1);
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

    private int TryAcquireMore(int most)
    {
        var taken = 0;
        while (taken < most && _free.Wait(0))
        {
            taken++;
        }

        return taken;
    }
}
