using System.Diagnostics;
using Tasks.Benchmarks.Harness;
using Tasks.Benchmarks.Systems;

namespace Tasks.Benchmarks.Workloads;

/// <summary>
/// Runs one cell in this process: a fresh database, the system started, a warm-up outside the measurement, then one workload
/// measured (wall, CPU, peak memory). Loops stop at the cell's time cap and say so in the note.
/// </summary>
internal sealed class CellRunner(ISystemUnderTest system, int size, TimeSpan cap)
{
    private const int WarmupJobs = 200;
    private const int WarmupFanoutChildren = 20;

    /// <param name="postgres">The admin connection (<c>--postgres</c>): a PostgreSQL config's cell runs on a database of its own, created through it and dropped after.</param>
    public static async Task<CellResult> RunAsync(SystemConfig config, Workload workload, int size, TimeSpan cap, string? postgres)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"tasks-bench-{config.Id}-{Guid.NewGuid():N}"[..48]);
        var database = config.Storage == Storage.PostgreSql
            ? await BenchDatabase.CreateAsync(postgres ?? throw new InvalidOperationException("--postgres or --start-postgres is required"), CancellationToken.None)
            : null;
        try
        {
            Measured measured;
            var facts = new Dictionary<string, string>(database is null ? [] : await database.ReadFactsAsync(CancellationToken.None));
            await using (var system = config.Create(dataDirectory, database?.ConnectionString))
            {
                await system.StartAsync(CancellationToken.None);
                var runner = new CellRunner(system, size, cap);
                measured = workload switch
                {
                    Workload.TriggerLatency => await runner.TriggerLatencyAsync(),
                    Workload.TriggerThroughput => await runner.TriggerThroughputAsync(),
                    Workload.BatchTrigger => await runner.BatchTriggerAsync(),
                    Workload.Drain => await runner.DrainAsync(),
                    Workload.EndToEnd => await runner.EndToEndAsync(),
                    Workload.IdleLatency => await runner.IdleLatencyAsync(),
                    Workload.Fanout => await runner.FanoutAsync(),
                    _ => throw new ArgumentOutOfRangeException(nameof(workload)),
                };
                await system.StopWorkersAsync(CancellationToken.None);
                foreach (var (name, value) in system.Facts)
                {
                    facts[name] = value;
                }
            }

            return new CellResult(config.Id, workload.ToString(), measured.Jobs, measured.Metrics, measured.Wall, measured.Cpu, measured.Peak, measured.Note, facts);
        }
        finally
        {
            if (database is not null)
            {
                await database.DisposeAsync();
            }

            TryDelete(dataDirectory);
        }
    }

    private async Task<Measured> TriggerLatencyAsync()
    {
        for (var i = 0; i < WarmupJobs; i++)
        {
            await system.TriggerAsync(-1, CancellationToken.None);
        }

        var latencies = new List<double>(size);
        var metrics = ProcessMetrics.Start();
        while (latencies.Count < size && metrics.WallSeconds < cap.TotalSeconds)
        {
            var started = Stopwatch.GetTimestamp();
            await system.TriggerAsync(latencies.Count, CancellationToken.None);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return Measured.From(metrics, latencies.Count, Capped(latencies.Count), new()
        {
            ["p50 ms"] = Stats.Percentile(latencies, 50),
            ["p99 ms"] = Stats.Percentile(latencies, 99),
            ["triggers/s"] = latencies.Count / metrics.WallSeconds,
        });
    }

    private async Task<Measured> TriggerThroughputAsync()
    {
        await ProduceAsync(WorkloadSpec.Producers * 10, _ => -1, cap: null);
        var metrics = ProcessMetrics.Start();
        var latencies = await ProduceAsync(size, job => job, cap);
        var wall = metrics.WallSeconds;
        return Measured.From(metrics, latencies.Count, Capped(latencies.Count), new()
        {
            ["triggers/s"] = latencies.Count / wall,
            ["p50 ms"] = Stats.Percentile(latencies, 50),
            ["p99 ms"] = Stats.Percentile(latencies, 99),
        });
    }

    private async Task<Measured> BatchTriggerAsync()
    {
        if (!await system.TryTriggerBatchAsync(0, WorkloadSpec.BatchSize, CancellationToken.None))
        {
            return Measured.Empty("no batch enqueue (Hangfire.Pro only)");
        }

        var batches = new List<double>(size);
        var metrics = ProcessMetrics.Start();
        while (batches.Count < size && metrics.WallSeconds < cap.TotalSeconds)
        {
            var started = Stopwatch.GetTimestamp();
            await system.TryTriggerBatchAsync(batches.Count * WorkloadSpec.BatchSize, WorkloadSpec.BatchSize, CancellationToken.None);
            batches.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var runs = batches.Count * WorkloadSpec.BatchSize;
        return Measured.From(metrics, runs, batches.Count < size ? $"capped at {cap.TotalSeconds:0} s: {batches.Count} of {size} batches" : null, new()
        {
            ["runs/s"] = runs / metrics.WallSeconds,
            ["ms per batch"] = Stats.Percentile(batches, 50),
        });
    }

    private async Task<Measured> DrainAsync()
    {
        await WarmUpWorkersAsync(keepRunning: false);
        Probe.Reset(size);
        var enqueue = Stopwatch.StartNew();
        var enqueued = (await ProduceAsync(size, job => job, cap)).Count;
        var enqueueRate = enqueued / enqueue.Elapsed.TotalSeconds;

        var all = Probe.Expect(enqueued);
        var metrics = ProcessMetrics.Start();
        await system.StartWorkersAsync(CancellationToken.None);
        var finished = await WaitAsync(all, cap);
        var wall = metrics.WallSeconds;
        var done = Probe.Count;
        return Measured.From(metrics, done, finished ? Capped(enqueued) : $"capped at {cap.TotalSeconds:0} s: {done} of {enqueued} ran", new()
        {
            ["runs/s"] = done / wall,
            ["enqueue/s"] = enqueueRate,
            ["duplicates"] = Probe.Duplicates,
        });
    }

    private async Task<Measured> EndToEndAsync()
    {
        await WarmUpWorkersAsync(keepRunning: true);
        Probe.Reset(size);
        var triggeredAt = new long[size];
        var all = Probe.Expect(size);
        var metrics = ProcessMetrics.Start();
        var produced = (await ProduceAsync(size, job => job, cap, triggeredAt)).Count;
        var finished = produced == size && await WaitAsync(all, cap - TimeSpan.FromSeconds(metrics.WallSeconds));
        var wall = metrics.WallSeconds;
        var done = Probe.Count;
        var latencies = new List<double>(size);
        for (var i = 0; i < size; i++)
        {
            if (Probe.StartOf(i) is var start and > 0 && triggeredAt[i] > 0)
            {
                latencies.Add(Stopwatch.GetElapsedTime(triggeredAt[i], start).TotalMilliseconds);
            }
        }

        return Measured.From(metrics, done, finished ? null : $"capped at {cap.TotalSeconds:0} s: {done} of {size} ran", new()
        {
            ["runs/s"] = done / wall,
            ["start p50 ms"] = Stats.Percentile(latencies, 50),
            ["start p99 ms"] = Stats.Percentile(latencies, 99),
            ["duplicates"] = Probe.Duplicates,
        });
    }

    private async Task<Measured> IdleLatencyAsync()
    {
        await WarmUpWorkersAsync(keepRunning: true);
        await Task.Delay(200);
        Probe.Reset(size);
        var latencies = new List<double>(size);
        string? note = null;
        var metrics = ProcessMetrics.Start();
        for (var i = 0; i < size; i++)
        {
            var left = cap - TimeSpan.FromSeconds(metrics.WallSeconds);
            if (left <= TimeSpan.Zero)
            {
                note = Capped(latencies.Count);
                break;
            }

            var startedBody = Probe.Expect(i + 1);
            var triggered = Stopwatch.GetTimestamp();
            await system.TriggerAsync(i, CancellationToken.None);
            if (!await WaitAsync(startedBody, left))
            {
                note = $"capped at {cap.TotalSeconds:0} s: {latencies.Count} of {size} samples";
                break;
            }

            latencies.Add(Stopwatch.GetElapsedTime(triggered, Probe.StartOf(i)).TotalMilliseconds);
            await Task.Delay(10);
        }

        return Measured.From(metrics, latencies.Count, note, new()
        {
            ["p50 ms"] = Stats.Percentile(latencies, 50),
            ["p99 ms"] = Stats.Percentile(latencies, 99),
            ["max ms"] = latencies.Count == 0 ? double.NaN : latencies.Max(),
        });
    }

    private async Task<Measured> FanoutAsync()
    {
        await WarmUpWorkersAsync(keepRunning: true);
        var warmup = Probe.ExpectFanout(WarmupFanoutChildren);
        await system.StartFanoutAsync(WarmupFanoutChildren, CancellationToken.None);
        var warmed = await WaitAsync(warmup, cap);

        var done = Probe.ExpectFanout(WorkloadSpec.FanoutChildren);
        var metrics = ProcessMetrics.Start();
        await system.StartFanoutAsync(WorkloadSpec.FanoutChildren, CancellationToken.None);
        var finished = await WaitAsync(done, cap);
        var wall = metrics.WallSeconds;
        var note = finished ? null : $"not done after {cap.TotalSeconds:0} s";
        if (!warmed)
        {
            note = (note is null ? "" : note + "; ") + "the warm-up fan-out did not finish in time";
        }

        return Measured.From(metrics, finished ? 1 : 0, note, new() { ["wall ms"] = finished ? wall * 1000 : double.NaN });
    }

    /// <summary>Runs a backlog of no-op jobs through freshly started workers (so a polling storage needs no wake-up), then stops them or keeps them idle.</summary>
    private async Task WarmUpWorkersAsync(bool keepRunning)
    {
        Probe.Reset(0);
        var all = Probe.Expect(WarmupJobs);
        await ProduceAsync(WarmupJobs, _ => -1, cap: null);
        await system.StartWorkersAsync(CancellationToken.None);
        await WaitAsync(all, cap);
        if (!keepRunning)
        {
            await system.StopWorkersAsync(CancellationToken.None);
        }
    }

    /// <summary>Triggers <paramref name="count"/> jobs from <see cref="WorkloadSpec.Producers"/> concurrent producers; returns per-call latencies.</summary>
    private async Task<List<double>> ProduceAsync(int count, Func<int, int> jobNumber, TimeSpan? cap, long[]? triggeredAt = null)
    {
        var next = -1;
        var latencies = new double[count];
        var produced = 0;
        var deadline = cap is { } c ? Stopwatch.GetTimestamp() + (long)(c.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
        var producers = Enumerable.Range(0, WorkloadSpec.Producers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count && Stopwatch.GetTimestamp() < deadline)
            {
                var started = Stopwatch.GetTimestamp();
                if (triggeredAt is not null)
                {
                    triggeredAt[i] = started;
                }

                await system.TriggerAsync(jobNumber(i), CancellationToken.None);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Interlocked.Increment(ref produced);
            }
        }));
        await Task.WhenAll(producers);
        return latencies.Where(l => l > 0).ToList();
    }

    private string? Capped(int done) => done < size ? $"capped at {cap.TotalSeconds:0} s: {done} of {size}" : null;

    private static async Task<bool> WaitAsync(Task task, TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero)
        {
            return task.IsCompleted;
        }

        try
        {
            await task.WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still held open; the temp folder cleans up eventually.
        }
    }

    private sealed record Measured(int Jobs, Dictionary<string, double> Metrics, double Wall, double Cpu, double Peak, string? Note)
    {
        public static Measured From(ProcessMetrics metrics, int jobs, string? note, Dictionary<string, double> figures) =>
            new(jobs, figures, metrics.WallSeconds, metrics.CpuSeconds, ProcessMetrics.PeakMegabytes, note);

        public static Measured Empty(string note) => new(0, [], 0, 0, 0, note);
    }
}
