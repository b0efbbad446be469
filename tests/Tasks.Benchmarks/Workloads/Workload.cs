namespace Tasks.Benchmarks.Workloads;

/// <summary>The workloads 1–6 (drain split into "backlog drained" and "producer and workers together").</summary>
internal enum Workload
{
    TriggerLatency,
    TriggerThroughput,
    BatchTrigger,
    Drain,
    EndToEnd,
    IdleLatency,
    Fanout,
}

/// <summary>How a workload is titled, sized and ranked.</summary>
/// <param name="Workload">The workload.</param>
/// <param name="Title">Heading in the report.</param>
/// <param name="Description">What it does, in one paragraph.</param>
/// <param name="Primary">The metric the ratio column compares.</param>
/// <param name="HigherIsBetter">True for rates, false for latencies and wall times.</param>
/// <param name="Columns">Metrics shown, in order.</param>
internal sealed record WorkloadSpec(Workload Workload, string Title, string Description, string Primary, bool HigherIsBetter, IReadOnlyList<string> Columns)
{
    public const int Producers = 64;
    public const int BatchSize = 1000;
    public const int FanoutChildren = 1000;

    public static readonly IReadOnlyList<WorkloadSpec> All =
    [
        new(Workload.TriggerLatency, "1. Trigger latency",
            "One client, sequential triggers, no workers running. Tasks.Sdk: generated typed client → HTTP (loopback) → SQLite commit. Hangfire: `BackgroundJobClient.Enqueue` in-process.",
            "p50 ms", false, ["p50 ms", "p99 ms", "triggers/s"]),
        new(Workload.TriggerThroughput, "2. Trigger throughput",
            $"{Producers} concurrent producers, no workers running.",
            "triggers/s", true, ["triggers/s", "p50 ms", "p99 ms"]),
        new(Workload.BatchTrigger, "3. Batch trigger",
            $"One client, sequential batches of {BatchSize:N0} items, no workers running. Hangfire OSS has no batch enqueue (batches are Hangfire.Pro); its per-job enqueue rate is workload 2.",
            "runs/s", true, ["runs/s", "ms per batch"]),
        new(Workload.Drain, "4a. End-to-end drain (backlog)",
            $"N no-op runs triggered first ({Producers} producers, workers stopped), then workers started: runs/s from worker start to the last job body. The enqueue rate of the backlog is shown too.",
            "runs/s", true, ["runs/s", "enqueue/s", "duplicates"]),
        new(Workload.EndToEnd, "4b. End to end (producers and workers together)",
            $"{Producers} producers trigger N no-op runs while workers run: N ÷ (first trigger → last job body), and each run's trigger-to-start latency.",
            "runs/s", true, ["runs/s", "start p50 ms", "start p99 ms", "duplicates"]),
        new(Workload.IdleLatency, "5. Idle trigger-to-start latency",
            "Workers idle; one trigger at a time, 10 ms apart, each waiting for its job body to start: from before the trigger call to the body's first line.",
            "p50 ms", false, ["p50 ms", "p99 ms", "max ms"]),
        new(Workload.Fanout, "6. Fan-out 1 → 1,000 with wait",
            $"Tasks.Sdk: a parent `BatchTriggerAndWaitAsync`s {FanoutChildren:N0} children (durable wait, the parent resumes with their outputs) and returns their sum. "
            + "Hangfire OSS cannot wait on N jobs (`ContinueJobWith` takes one parent; batches are Hangfire.Pro): its parent enqueues the children, each decrements an in-memory counter and the last enqueues a continuation — not durable, which favours Hangfire. "
            + "Wall time from triggering the parent to the parent (continuation) seeing the sum.",
            "wall ms", false, ["wall ms"]),
    ];

    public static WorkloadSpec Of(Workload workload) => All.Single(w => w.Workload == workload);
}
