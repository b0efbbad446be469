using Hangfire;

namespace Tasks.Benchmarks.Systems;

/// <summary>
/// The Hangfire side: the same no-op body, and the fan-out Hangfire OSS can do. It cannot wait on N jobs (<c>ContinueJobWith</c>
/// takes one parent; batches are Hangfire.Pro), so children count down an in-memory counter and the last one enqueues the
/// continuation. The counter is not durable, which favours Hangfire.
/// </summary>
public static class HangfireJobs
{
    private static int _remaining;
    private static long _sum;

    internal static IBackgroundJobClient? Client { get; set; }

    public static void Noop(int job) => Probe.Started(job);

    public static void FanoutParent(int children)
    {
        Volatile.Write(ref _remaining, children);
        Interlocked.Exchange(ref _sum, 0);
        for (var i = 0; i < children; i++)
        {
            var child = i;
            Client!.Enqueue(() => FanoutChild(child));
        }
    }

    public static void FanoutChild(int child)
    {
        Interlocked.Add(ref _sum, child);
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            Client!.Enqueue(() => FanoutContinuation());
        }
    }

    public static void FanoutContinuation() => Probe.FanoutDone(Interlocked.Read(ref _sum));
}
