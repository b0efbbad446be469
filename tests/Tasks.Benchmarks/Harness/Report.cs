using System.Globalization;
using System.Text;
using Tasks.Benchmarks.Systems;
using Tasks.Benchmarks.Workloads;

namespace Tasks.Benchmarks.Harness;

/// <summary>
/// Turns the cells into docs/benchmarks.md: the machine and versions, the issue's targets with the figures that answer them,
/// then one table per workload (median and min–max over repetitions, time, CPU, peak memory, ratio to Tasks.Sdk).
/// </summary>
internal sealed class Report(Plan plan, IReadOnlyList<CellResult> cells, TimeSpan elapsed)
{
    public const string Begin = "<!-- harness:begin -->";
    public const string End = "<!-- harness:end -->";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public string Render()
    {
        var md = new StringBuilder();
        md.AppendLine(Begin);
        md.AppendLine(Inv, $"## Last run: {(plan.Quick ? "`--quick`" : "full")}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        md.AppendLine(Inv, $"{plan.Repetitions} repetitions per cell (each a fresh process and a fresh database, after an in-process warm-up), systems alternating; median [min–max]. "
            + $"Cells stop at {plan.Cap.TotalSeconds:0} s and say so. Whole run: {elapsed.TotalMinutes:0.0} min.");
        md.AppendLine();
        md.AppendLine("| Machine | |");
        md.AppendLine("|---|---|");
        foreach (var (name, value) in MachineInfo.Describe())
        {
            md.AppendLine(Inv, $"| {name} | {value} |");
        }

        foreach (var (name, value) in cells.SelectMany(c => c.Facts).GroupBy(f => f.Key).Select(g => (g.Key, string.Join(" / ", g.Select(f => f.Value).Distinct()))).OrderBy(f => f.Key))
        {
            md.AppendLine(Inv, $"| {name} | {value} |");
        }

        md.AppendLine();
        md.AppendLine("| System | Settings |");
        md.AppendLine("|---|---|");
        foreach (var config in plan.Configs)
        {
            md.AppendLine(Inv, $"| {config.Title} | {config.Settings} |");
        }

        md.AppendLine();
        RenderTargets(md);
        foreach (var workload in plan.Workloads)
        {
            RenderWorkload(md, workload);
        }

        md.AppendLine(End);
        return md.ToString();
    }

    /// <summary>The config the ratio column compares against: the first Tasks.Sdk config of the run (tasks-sqlite in a default run).</summary>
    private SystemConfig? Baseline => plan.Configs.FirstOrDefault(c => c.IsOurs);

    private void RenderTargets(StringBuilder md)
    {
        if (plan.Configs.Any(c => c.IsOurs && c.Storage == Storage.Sqlite))
        {
            md.AppendLine("### Targets (issue 8, SQLite, this 2-core machine)");
            md.AppendLine();
            md.AppendLine("| Target | Tasks.Sdk, best config (median) | Met |");
            md.AppendLine("|---|---|---|");
            Target(md, "End-to-end drain ≥ 5,000 runs/s", Workload.Drain, "runs/s", higher: true, 5_000);
            Target(md, "Producers and workers together ≥ 5,000 runs/s", Workload.EndToEnd, "runs/s", higher: true, 5_000);
            Target(md, "Idle trigger-to-start p50 ≤ 5 ms", Workload.IdleLatency, "p50 ms", higher: false, 5);
            Target(md, "Idle trigger-to-start p99 ≤ 25 ms", Workload.IdleLatency, "p99 ms", higher: false, 25);
            Target(md, "Fan-out 1 → 1,000 with wait ≤ 1 s", Workload.Fanout, "wall ms", higher: false, 1_000);
            Target(md, "Trigger throughput (64 clients) ≥ 10,000/s", Workload.TriggerThroughput, "triggers/s", higher: true, 10_000);
            Target(md, "Trigger latency p50 ≤ 0.5 ms (performance.md §4)", Workload.TriggerLatency, "p50 ms", higher: false, 0.5);
            Target(md, "Batch trigger ≥ 50,000 runs/s (performance.md §4)", Workload.BatchTrigger, "runs/s", higher: true, 50_000);
            TenTimes(md, Storage.Sqlite);
            md.AppendLine();
        }

        if (plan.Configs.Any(c => c.IsOurs && c.Storage == Storage.PostgreSql) && plan.Configs.Any(c => !c.IsOurs && c.Storage == Storage.PostgreSql))
        {
            md.AppendLine("### Against Hangfire on PostgreSQL (same server, this 2-core machine)");
            md.AppendLine();
            md.AppendLine("| Comparison | Tasks.Sdk, best config (median), × Hangfire | ≥ 10× |");
            md.AppendLine("|---|---|---|");
            TenTimes(md, Storage.PostgreSql);
            md.AppendLine();
        }
    }

    /// <summary>The issue's "≥ 10× Hangfire on the same storage" rows: the best Tasks.Sdk config on that storage against each Hangfire config on it.</summary>
    private void TenTimes(StringBuilder md, Storage storage)
    {
        foreach (var hangfire in plan.Configs.Where(c => !c.IsOurs && c.Storage == storage))
        {
            foreach (var workload in new[] { Workload.Drain, Workload.EndToEnd }.Where(Planned))
            {
                var ours = Best(workload, "runs/s", higher: true, storage);
                var theirs = Median(hangfire.Id, workload, "runs/s");
                var ratio = ours.Value / theirs;
                md.AppendLine(Inv, $"| ≥ 10× {hangfire.Title}, {WorkloadSpec.Of(workload).Title[3..]} | {Format(ratio)}× ({Format(ours.Value)} vs {Format(theirs)} runs/s) | {Met(ratio >= 10)} |");
            }
        }
    }

    private bool Planned(Workload workload) => plan.Workloads.Any(w => w.Workload == workload);

    private void Target(StringBuilder md, string title, Workload workload, string metric, bool higher, double goal)
    {
        if (!Planned(workload))
        {
            return;
        }

        var (config, value) = Best(workload, metric, higher, Storage.Sqlite);
        var met = !double.IsNaN(value) && (higher ? value >= goal : value <= goal);
        md.AppendLine(Inv, $"| {title} | {Format(value)} ({config}) | {Met(met)} |");
    }

    private static string Met(bool met) => met ? "yes" : "**no**";

    private (string Config, double Value) Best(Workload workload, string metric, bool higher, Storage storage)
    {
        var candidates = plan.Configs.Where(c => c.IsOurs && c.Storage == storage)
            .Select(c => (c.Title, Value: Median(c.Id, workload, metric)))
            .Where(c => !double.IsNaN(c.Value))
            .ToList();
        if (candidates.Count == 0)
        {
            return ("not measured", double.NaN);
        }

        return higher ? candidates.MaxBy(c => c.Value) : candidates.MinBy(c => c.Value);
    }

    private void RenderWorkload(StringBuilder md, WorkloadSpec workload)
    {
        md.AppendLine(Inv, $"### {workload.Title}");
        md.AppendLine();
        md.AppendLine(workload.Description);
        md.AppendLine();
        md.Append("| System | N |");
        foreach (var column in workload.Columns)
        {
            md.Append(Inv, $" {column} |");
        }

        var baseline = Baseline is { Id: "tasks-sqlite" } ? "Tasks.Sdk (10 slots)" : Baseline?.Title ?? "Tasks.Sdk";
        md.AppendLine(Inv, $" {baseline} is ×, on {workload.Primary} | wall s | CPU s | peak MB | Notes |");
        md.Append("|---|---:|");
        md.Append(string.Concat(Enumerable.Repeat("---:|", workload.Columns.Count)));
        md.AppendLine("---:|---:|---:|---:|---|");
        foreach (var config in plan.Configs)
        {
            md.Append(Inv, $"| {config.Title} |");
            if (Plan.Unsupported(workload.Workload, config) is { } why)
            {
                md.Append(string.Concat(Enumerable.Repeat(" — |", workload.Columns.Count + 5)));
                md.AppendLine(Inv, $" {why} |");
                continue;
            }

            var runs = Runs(config.Id, workload.Workload);
            if (runs.Count == 0)
            {
                md.Append(string.Concat(Enumerable.Repeat(" — |", workload.Columns.Count + 5)));
                md.AppendLine(" not measured (the cell failed; see the console) |");
                continue;
            }

            md.Append(Inv, $" {Format(Stats.Median(runs.Select(r => (double)r.Jobs).ToList()))} |");
            foreach (var column in workload.Columns)
            {
                md.Append(Inv, $" {Range(runs.Select(r => r.Metrics.GetValueOrDefault(column, double.NaN)).ToList())} |");
            }

            md.Append(Inv, $" {Ratio(config, workload)} |");
            md.Append(Inv, $" {Format(Stats.Median(runs.Select(r => r.WallSeconds).ToList()))} |");
            md.Append(Inv, $" {Format(Stats.Median(runs.Select(r => r.CpuSeconds).ToList()))} |");
            md.Append(Inv, $" {Format(Stats.Median(runs.Select(r => r.PeakMegabytes).ToList()))} |");
            md.AppendLine(Inv, $" {string.Join("; ", runs.Select(r => r.Note).Where(n => n is not null).Distinct())} |");
        }

        md.AppendLine();
    }

    /// <summary>How many times better the baseline Tasks.Sdk config is than this one on the workload's primary metric; "(ranges overlap)" when not a clear win or loss.</summary>
    private string Ratio(SystemConfig config, WorkloadSpec workload)
    {
        if (Baseline is not { } baseline)
        {
            return "—";
        }

        if (config.Id == baseline.Id)
        {
            return "1";
        }

        var ours = Values(baseline.Id, workload.Workload, workload.Primary);
        var theirs = Values(config.Id, workload.Workload, workload.Primary);
        if (ours.Count == 0 || theirs.Count == 0)
        {
            return "—";
        }

        var ratio = workload.HigherIsBetter ? Stats.Median(ours) / Stats.Median(theirs) : Stats.Median(theirs) / Stats.Median(ours);
        var overlap = ours.Min() <= theirs.Max() && theirs.Min() <= ours.Max();
        return Format(ratio) + (overlap ? " (ranges overlap)" : "");
    }

    private List<CellResult> Runs(string config, Workload workload) =>
        cells.Where(c => c.Config == config && c.Workload == workload.ToString()).ToList();

    private List<double> Values(string config, Workload workload, string metric) =>
        Runs(config, workload).Select(r => r.Metrics.GetValueOrDefault(metric, double.NaN)).Where(v => !double.IsNaN(v)).ToList();

    private double Median(string config, Workload workload, string metric) =>
        Values(config, workload, metric) is { Count: > 0 } values ? Stats.Median(values) : double.NaN;

    private static string Range(List<double> values)
    {
        values = values.Where(v => !double.IsNaN(v)).ToList();
        if (values.Count == 0)
        {
            return "—";
        }

        var median = Format(Stats.Median(values));
        return values.Count == 1 || values.Min() == values.Max() ? median : $"{median} [{Format(values.Min())}–{Format(values.Max())}]";
    }

    public static string Format(double value) => double.IsNaN(value) || double.IsInfinity(value)
        ? "—"
        : Math.Abs(value) switch
        {
            >= 100 => value.ToString("#,0", Inv),
            >= 10 => value.ToString("0.#", Inv),
            >= 1 => value.ToString("0.##", Inv),
            0 => "0",
            _ => value.ToString("0.###", Inv),
        };
}
