using Tasks.Benchmarks.Systems;
using Tasks.Benchmarks.Workloads;

namespace Tasks.Benchmarks.Harness;

/// <summary>What a harness run measures: the configs, the workloads, their sizes, the repetitions and the per-cell time cap.</summary>
internal sealed record Plan(bool Quick, int Repetitions, TimeSpan Cap, IReadOnlyList<SystemConfig> Configs, IReadOnlyList<WorkloadSpec> Workloads, string? Postgres)
{
    /// <param name="quick">Fewer repetitions, smaller N, a shorter cap.</param>
    /// <param name="postgres">The PostgreSQL admin connection, if any: adds the PostgreSQL configs.</param>
    /// <param name="only">Config ids to run (<c>--only</c>); null runs all.</param>
    /// <param name="workloads">Workloads to run (<c>--workloads</c>); null runs all.</param>
    public static Plan Create(bool quick, string? postgres, IReadOnlyCollection<string>? only, IReadOnlyCollection<Workload>? workloads = null)
    {
        var configs = SystemConfig.All(postgres).Where(c => only is null || only.Contains(c.Id)).ToList();
        var unknown = only?.Except(configs.Select(c => c.Id)).ToList();
        if (unknown is { Count: > 0 })
        {
            throw new ArgumentException($"Unknown config(s) in --only: {string.Join(", ", unknown)} (PostgreSQL configs need --postgres or --start-postgres).");
        }

        var specs = WorkloadSpec.All.Where(w => workloads is null || workloads.Contains(w.Workload)).ToList();
        return new Plan(quick, quick ? 3 : 5, TimeSpan.FromSeconds(quick ? 15 : 30), configs, specs, postgres);
    }

    /// <summary>Jobs (or samples, or batches) per cell. Durable Hangfire storages drain ~100–200 jobs/s, so they get smaller N; figures are rates.</summary>
    public int Size(Workload workload, SystemConfig config)
    {
        var slowStorage = config.Engine == Engine.Hangfire && config.Storage != Storage.InMemory;
        return workload switch
        {
            Workload.TriggerLatency => Quick ? 500 : 2_000,
            Workload.TriggerThroughput => slowStorage ? (Quick ? 1_000 : 3_000) : (Quick ? 5_000 : 20_000),
            Workload.BatchTrigger => Quick ? 5 : 20,
            Workload.Drain or Workload.EndToEnd => slowStorage ? (Quick ? 300 : 1_000) : (Quick ? 5_000 : 20_000),
            Workload.IdleLatency => Quick ? 100 : 500,
            Workload.Fanout => 1,
            _ => throw new ArgumentOutOfRangeException(nameof(workload)),
        };
    }

    /// <summary>Cells a system cannot run at all (reported as such, not run).</summary>
    public static string? Unsupported(Workload workload, SystemConfig config) =>
        workload == Workload.BatchTrigger && config.Engine == Engine.Hangfire ? "no batch enqueue in Hangfire OSS (Hangfire.Pro)" : null;

    /// <summary>Repetition by repetition, workload by workload, the systems alternating (A B … then … B A) so drift hits all alike.</summary>
    public IEnumerable<(int Repetition, WorkloadSpec Workload, SystemConfig Config)> Cells()
    {
        for (var rep = 0; rep < Repetitions; rep++)
        {
            foreach (var workload in Workloads)
            {
                var order = rep % 2 == 0 ? Configs : Configs.Reverse();
                foreach (var config in order)
                {
                    if (Unsupported(workload.Workload, config) is null)
                    {
                        yield return (rep, workload, config);
                    }
                }
            }
        }
    }
}
