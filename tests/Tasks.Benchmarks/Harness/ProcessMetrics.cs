using System.Collections.Concurrent;
using System.Diagnostics;

namespace Tasks.Benchmarks.Harness;

/// <summary>
/// CPU time and peak resident memory over a measured phase, of this process and of the server processes it started
/// (<see cref="Watch"/>); Linux: VmHWM reset through clear_refs. The database server's own processes are not counted, for any system.
/// </summary>
internal sealed class ProcessMetrics
{
    private static readonly ConcurrentDictionary<int, Process> Watched = new();
    private readonly TimeSpan _cpuAtStart;
    private readonly long _startedAt;

    private ProcessMetrics()
    {
        foreach (var pid in Pids())
        {
            ResetPeak(pid);
        }

        _cpuAtStart = TotalCpu();
        _startedAt = Stopwatch.GetTimestamp();
    }

    public static ProcessMetrics Start() => new();

    /// <summary>Counts <paramref name="child"/> (a server process of this cell) in CPU and peak memory until it exits.</summary>
    public static void Watch(Process child) => Watched[child.Id] = child;

    public static void Forget(Process child) => Watched.TryRemove(child.Id, out _);

    public double WallSeconds => Stopwatch.GetElapsedTime(_startedAt).TotalSeconds;

    public double CpuSeconds => (TotalCpu() - _cpuAtStart).TotalSeconds;

    /// <summary>The sum of each process's peak resident set (an upper bound of their peaks' sum at one instant).</summary>
    public static double PeakMegabytes => Pids().Sum(PeakMegabytesOf);

    private static IEnumerable<string> Pids() => Watched.Keys.Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)).Prepend("self");

    private static TimeSpan TotalCpu()
    {
        var total = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var child in Watched.Values)
        {
            try
            {
                child.Refresh();
                total += child.TotalProcessorTime;
            }
            catch (InvalidOperationException)
            {
                // Exited: nothing more to count.
            }
        }

        return total;
    }

    private static double PeakMegabytesOf(string pid)
    {
        foreach (var line in ReadStatus(pid))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return double.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024;
            }
        }

        return pid == "self" ? Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0 : 0;
    }

    private static void ResetPeak(string pid)
    {
        try
        {
            // "5" resets the peak RSS (VmHWM) to the current RSS (Linux ≥ 4.0).
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not allowed: the peak then covers the process's whole life.
        }
    }

    private static string[] ReadStatus(string pid)
    {
        try
        {
            return File.ReadAllLines($"/proc/{pid}/status");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
