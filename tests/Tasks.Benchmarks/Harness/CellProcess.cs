using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Tasks.Benchmarks.Systems;
using Tasks.Benchmarks.Workloads;

namespace Tasks.Benchmarks.Harness;

/// <summary>Runs one cell as a child process of this same executable (<c>--cell</c>), one at a time, and reads back its result line.</summary>
internal static class CellProcess
{
    public static readonly JsonSerializerOptions Json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static async Task<CellResult?> RunAsync(Plan plan, SystemConfig config, Workload workload)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? throw new InvalidOperationException("No process path."))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--cell", config.Id, workload.ToString(), plan.Size(workload, config).ToString(CultureInfo.InvariantCulture), plan.Cap.TotalSeconds.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        if (plan.Postgres is not null)
        {
            start.ArgumentList.Add("--postgres");
            start.ArgumentList.Add(plan.Postgres);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(plan.Cap * 4 + TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Console.Error.WriteLine($"  {config.Id} {workload}: killed after {timeout}");
            return null;
        }

        var line = (await stdout).Split('\n').FirstOrDefault(l => l.StartsWith(CellResult.Prefix, StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            Console.Error.WriteLine($"  {config.Id} {workload}: exit {process.ExitCode}\n{await stdout}\n{await stderr}");
            return null;
        }

        var errors = await stderr;
        if (!string.IsNullOrWhiteSpace(errors))
        {
            Console.Error.WriteLine($"  {config.Id} {workload} stderr: {errors.Trim()[..Math.Min(errors.Trim().Length, 2000)]}");
        }

        return JsonSerializer.Deserialize<CellResult>(line[CellResult.Prefix.Length..], Json);
    }
}
