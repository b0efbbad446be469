using System.Diagnostics;

namespace Tasks.Benchmarks.Systems;

/// <summary>
/// What every system's no-op job body does, identically: record <see cref="Stopwatch.GetTimestamp"/> at its first line into a
/// preallocated array indexed by job number, and count. Timestamps are monotonic and comparable across threads.
/// </summary>
internal static class Probe
{
    private static long[] _starts = [];
    private static int _count;
    private static int _duplicates;
    private static int _target = int.MaxValue;
    private static TaskCompletionSource _reached = NewSource();
    private static TaskCompletionSource<long> _fanout = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static long _fanoutSum = -1;

    public static int Count => Volatile.Read(ref _count);

    public static int Duplicates => Volatile.Read(ref _duplicates);

    public static long StartOf(int job) => Volatile.Read(ref _starts[job]);

    /// <summary>Clears the counters for a workload of <paramref name="jobs"/> numbered jobs.</summary>
    public static void Reset(int jobs)
    {
        _starts = new long[jobs];
        Volatile.Write(ref _count, 0);
        Volatile.Write(ref _duplicates, 0);
        Volatile.Write(ref _target, int.MaxValue);
    }

    /// <summary>Completes when <paramref name="count"/> job bodies have started (counting from the last reset).</summary>
    public static Task Expect(int count)
    {
        var reached = NewSource();
        Volatile.Write(ref _reached, reached);
        Volatile.Write(ref _target, count);
        if (Count >= count)
        {
            reached.TrySetResult();
        }

        return reached.Task;
    }

    /// <summary>The first line of every no-op job.</summary>
    public static void Started(int job)
    {
        var now = Stopwatch.GetTimestamp();
        var starts = _starts;
        if (starts.Length > 0 && (uint)job >= (uint)starts.Length)
        {
            return; // a warm-up job that ran late, into a measurement: it must not count as one of the measured starts
        }

        if ((uint)job < (uint)starts.Length && Interlocked.Exchange(ref starts[job], now) != 0)
        {
            Interlocked.Increment(ref _duplicates);
        }

        if (Interlocked.Increment(ref _count) >= Volatile.Read(ref _target))
        {
            Volatile.Read(ref _reached).TrySetResult();
        }
    }

    /// <summary>Waits for the fan-out of <paramref name="children"/> children (0 + 1 + … + children-1); a late warm-up fan-out does not count.</summary>
    public static Task<long> ExpectFanout(int children)
    {
        _fanout = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _fanoutSum, (long)children * (children - 1) / 2);
        return _fanout.Task;
    }

    /// <summary>A fan-out's parent (or Hangfire's continuation) saw every child finish; carries the children's sum.</summary>
    public static void FanoutDone(long sum)
    {
        if (sum == Volatile.Read(ref _fanoutSum))
        {
            _fanout.TrySetResult(sum);
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
