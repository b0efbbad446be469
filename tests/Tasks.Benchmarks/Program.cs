using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Tasks.Benchmarks.Harness;
using Tasks.Benchmarks.Micro;
using Tasks.Benchmarks.Systems;
using Tasks.Benchmarks.Workloads;

// Tasks.Sdk vs Hangfire, side by side in one run (docs/benchmarks.md says how to read the output).
//   dotnet run -c Release --project tests/Tasks.Benchmarks -- --quick      short run (3 repetitions, smaller N)
//   dotnet run -c Release --project tests/Tasks.Benchmarks                 full run (5 repetitions)
//     [--only tasks-sqlite,hangfire-sqlite] [--workloads Drain,EndToEnd,IdleLatency]
//     [--postgres "Host=…;Username=…;Database=…" | --start-postgres] [--out path]
//   dotnet run -c Release --project tests/Tasks.Benchmarks -- --micro [BenchmarkDotNet args]
//   (--cell <config> <workload> <size> <capSeconds> is how the harness runs one cell in a child process, and
//    --serve <connection> <secretKey> <dataDirectory> how a PostgreSQL cell runs a Tasks.Sdk server process.)
if (args is ["--serve", var serveConnection, var serveKey, var serveData])
{
    await TasksServerProcess.ServeAsync(serveConnection, serveKey, serveData);
    return 0;
}

var postgres = Option(args, "--postgres");
if (args is ["--cell", var configId, var workloadName, var size, var cap, ..])
{
    var config = SystemConfig.All(postgres).Single(c => c.Id == configId);
    var result = await CellRunner.RunAsync(config, Enum.Parse<Workload>(workloadName), int.Parse(size, CultureInfo.InvariantCulture),
        TimeSpan.FromSeconds(double.Parse(cap, CultureInfo.InvariantCulture)), postgres);
    Console.WriteLine(CellResult.Prefix + JsonSerializer.Serialize(result, CellProcess.Json));
    return 0;
}

var output = Option(args, "--out") ?? DocsFile.DefaultPath();
if (args.Contains("--micro"))
{
    MicroBenchmarks.Run([.. args.Where(a => a != "--micro")], output);
    return 0;
}

var only = Option(args, "--only")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
var workloads = Option(args, "--workloads")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
    .Select(w => Enum.Parse<Workload>(w, ignoreCase: true)).ToList();
// --start-postgres: a throwaway, durable PostgreSQL (fsync and synchronous_commit on) for the whole run, as if given as --postgres.
var startedPostgres = args.Contains("--start-postgres") ? new PostgresServer { Durable = true } : null;
if (startedPostgres is not null)
{
    await startedPostgres.StartAsync();
    postgres = startedPostgres.AdminConnectionString;
    Console.WriteLine($"PostgreSQL started on port {startedPostgres.Port} (durable defaults)");
}

// Ctrl+C ends the run after the current cell (whose process gets the same signal) and still stops the PostgreSQL it started.
using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupted.Cancel();
};
try
{
    return await RunPlanAsync(Plan.Create(args.Contains("--quick"), postgres, only, workloads), output, interrupted.Token);
}
finally
{
    if (startedPostgres is not null)
    {
        await startedPostgres.StopAsync();
    }
}

static async Task<int> RunPlanAsync(Plan plan, string output, CancellationToken interrupted)
{
    var cells = new List<CellResult>();
    var clock = Stopwatch.StartNew();
    var all = plan.Cells().ToList();
    for (var i = 0; i < all.Count; i++)
    {
        if (interrupted.IsCancellationRequested)
        {
            Console.WriteLine("Interrupted: no report written.");
            return 1;
        }

        var (rep, workload, config) = all[i];
        Console.Write($"[{i + 1}/{all.Count}] rep {rep + 1} {workload.Workload,-17} {config.Id,-24}");
        var result = await CellProcess.RunAsync(plan, config, workload.Workload);
        if (result is not null)
        {
            cells.Add(result);
            Console.WriteLine($" {string.Join("  ", workload.Columns.Select(c => $"{c}={Report.Format(result.Metrics.GetValueOrDefault(c, double.NaN))}"))}{(result.Note is null ? "" : "  (" + result.Note + ")")}");
        }
        else
        {
            Console.WriteLine(" failed");
        }
    }

    var report = new Report(plan, cells, clock.Elapsed).Render();
    DocsFile.ReplaceSection(output, Report.Begin, Report.End, report);
    Console.WriteLine();
    Console.WriteLine(report);
    Console.WriteLine($"Written to {output}");
    return 0;
}

static string? Option(string[] args, string name) =>
    Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
