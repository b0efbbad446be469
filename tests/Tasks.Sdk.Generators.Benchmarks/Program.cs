// Generator time on a project with 1,000 [Task] methods (100 classes in 100 files, 10 tasks each):
//   full      a fresh driver over the whole project (what a clean build pays);
//   edit      the same driver after one edit inside one method body (what each IDE keystroke pays);
//   analyzer  TaskAnalyzer over the whole project (the diagnostics, which the generator no longer computes).
// Each is measured after warm-up, as the median of several runs.
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Tasks.Sdk;
using Tasks.Sdk.Generators;
using Tasks.Sdk.Generators.Analysis;

const int Classes = 100;
const int TasksPerClass = 10;
var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
var references = Basic.Reference.Assemblies.Net100.References.All
    .Append(MetadataReference.CreateFromFile(typeof(TaskDefinition).Assembly.Location))
    .Append(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location))
    .ToArray();
var trees = Enumerable.Range(0, Classes).Select(i => CSharpSyntaxTree.ParseText(Source(i, edited: false), parseOptions, $"Tasks{i}.cs")).ToArray();
var compilation = CSharpCompilation.Create("Bench", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
var edited = compilation.ReplaceSyntaxTree(trees[Classes / 2], CSharpSyntaxTree.ParseText(Source(Classes / 2, edited: true), parseOptions, trees[Classes / 2].FilePath));

var full = Measure(12, () =>
{
    GeneratorDriver driver = CSharpGeneratorDriver.Create([new TaskGenerator().AsSourceGenerator()], parseOptions: parseOptions);
    var sw = Stopwatch.StartNew();
    driver = driver.RunGenerators(compilation);
    sw.Stop();
    Check(driver, Classes + 2);
    return sw.Elapsed;
});

var edit = Measure(12, () =>
{
    GeneratorDriver driver = CSharpGeneratorDriver.Create([new TaskGenerator().AsSourceGenerator()], parseOptions: parseOptions);
    driver = driver.RunGenerators(compilation);
    var sw = Stopwatch.StartNew();
    driver = driver.RunGenerators(edited);
    sw.Stop();
    Check(driver, Classes + 2);
    return sw.Elapsed;
});

var analyzer = Measure(6, () =>
{
    var sw = Stopwatch.StartNew();
    var diagnostics = compilation.WithAnalyzers([new TaskAnalyzer()]).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    sw.Stop();
    if (diagnostics.Length != 0)
    {
        throw new InvalidOperationException(string.Join("\n", diagnostics));
    }

    return sw.Elapsed;
});

Console.WriteLine($"{Classes * TasksPerClass} tasks in {Classes} classes/files, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine($"full run            median {full.Median,8:F1} ms   min {full.Min,8:F1} ms");
Console.WriteLine($"after a body edit   median {edit.Median,8:F1} ms   min {edit.Min,8:F1} ms");
Console.WriteLine($"analyzer, full      median {analyzer.Median,8:F1} ms   min {analyzer.Min,8:F1} ms");
return 0;

static (double Median, double Min) Measure(int runs, Func<TimeSpan> run)
{
    for (var i = 0; i < 3; i++)
    {
        run();
    }

    var times = Enumerable.Range(0, runs).Select(_ => run().TotalMilliseconds).Order().ToArray();
    return (times[times.Length / 2], times[0]);
}

static void Check(GeneratorDriver driver, int expectedFiles)
{
    var result = driver.GetRunResult().Results.Single();
    if (result.Exception is not null || result.GeneratedSources.Length != expectedFiles)
    {
        throw new InvalidOperationException($"Unexpected generator output: {result.Exception} ({result.GeneratedSources.Length} files)");
    }
}

static string Source(int index, bool edited)
{
    var methods = string.Join("\n", Enumerable.Range(0, TasksPerClass).Select(j => $$"""
            /// <summary>Task {{j}} of class {{index}}.</summary>
            [Task("bench-{{index}}-{{j}}", MaxAttempts = 3, Queue = "q{{index % 7}}")]
            public async Task<Output{{index}}> Run{{j}}Async(Input{{index}} input, TaskContext context, CancellationToken cancellationToken)
            {
                await Task.Yield();
                return new Output{{index}}(input.Name + "{{j}}"{{(edited && j == 0 ? " + \"!\"" : "")}}, input.Count * {{j + 1}});
            }
        """));
    return $$"""
        using System.Threading;
        using System.Threading.Tasks;
        using Tasks.Sdk;

        namespace Bench.Area{{index % 10}};

        public sealed record Input{{index}}(string Name, int Count);
        public sealed record Output{{index}}(string Name, int Total);

        public sealed class BenchTasks{{index}}
        {
        {{methods}}
        }
        """;
}
