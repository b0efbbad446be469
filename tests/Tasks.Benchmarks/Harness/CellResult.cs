namespace Tasks.Benchmarks.Harness;

/// <summary>What one cell (one system, one workload, one repetition, one process) measured; printed by the child as one JSON line.</summary>
/// <param name="Config">The system config id.</param>
/// <param name="Workload">The workload name.</param>
/// <param name="Jobs">How many jobs (or samples) were measured.</param>
/// <param name="Metrics">The workload's figures by column name.</param>
/// <param name="WallSeconds">Wall time of the measured phase.</param>
/// <param name="CpuSeconds">User + system CPU of the whole process during the measured phase.</param>
/// <param name="PeakMegabytes">Peak resident set during the measured phase (VmHWM, reset before it starts).</param>
/// <param name="Note">Why a figure is missing or partial, if it is.</param>
/// <param name="Facts">Versions and pragmas read back from the storage.</param>
internal sealed record CellResult(
    string Config,
    string Workload,
    int Jobs,
    Dictionary<string, double> Metrics,
    double WallSeconds,
    double CpuSeconds,
    double PeakMegabytes,
    string? Note,
    Dictionary<string, string> Facts)
{
    public const string Prefix = "CELL-RESULT ";
}
