using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Tasks.Benchmarks.Harness;

namespace Tasks.Benchmarks.Micro;

/// <summary>BenchmarkDotNet over the hot paths, in-process (no generated projects to build), its summary written into docs/benchmarks.md.</summary>
internal static class MicroBenchmarks
{
    public const string Begin = "<!-- micro:begin -->";
    public const string End = "<!-- micro:end -->";

    public static void Run(string[] args, string output)
    {
        var config = DefaultConfig.Instance
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.JoinSummary);
        var summaries = BenchmarkSwitcher.FromTypes([typeof(DispatchBenchmarks), typeof(SerializationBenchmarks), typeof(TriggerEndpointBenchmarks)])
            .Run(args.Length == 0 ? ["--filter", "*"] : args, config)
            .ToList();
        var logger = new AccumulationLogger();
        foreach (var summary in summaries)
        {
            MarkdownExporter.GitHub.ExportToLog(summary, logger);
        }

        DocsFile.ReplaceSection(output, Begin, End, $"{Begin}\n{logger.GetLog().Trim()}\n{End}");
        Console.WriteLine($"Written to {output}");
    }
}
