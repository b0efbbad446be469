using System.Diagnostics;

namespace Tasks.Benchmarks.Harness;

/// <summary>CPU time and peak resident memory of this process over a measured phase (Linux: VmHWM reset through clear_refs).</summary>
internal sealed class ProcessMetrics
{
    private readonly TimeSpan _cpuAtStart;
    private readonly long _startedAt;

    private ProcessMetrics()
    {
        ResetPeak();
        _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        _startedAt = Stopwatch.GetTimestamp();
    }

    public static ProcessMetrics Start() => new();

    public double WallSeconds => Stopwatch.GetElapsedTime(_startedAt).TotalSeconds;

    public double CpuSeconds => (Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart).TotalSeconds;

    public static double PeakMegabytes
    {
        get
        {
            foreach (var line in ReadStatus())
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return double.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024;
                }
            }

            return Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
        }
    }

    private static void ResetPeak()
    {
        try
        {
            // "5" resets the peak RSS (VmHWM) to the current RSS (Linux ≥ 4.0).
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not allowed: the peak then covers the process's whole life.
        }
    }

    private static string[] ReadStatus()
    {
        try
        {
            return File.ReadAllLines("/proc/self/status");
        }
        catch (IOException)
        {
            return [];
        }
    }
}
