using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Tasks.Sdk.Generators.Models;
using Tasks.Sdk.Generators.Tests.Infrastructure;

namespace Tasks.Sdk.Generators.Tests;

/// <summary>
/// An edit that touches no task's declaration leaves every output cached; one that does regenerates only what it touches.
/// And no pipeline model holds a symbol, syntax node, location or compilation, which would defeat caching altogether.
/// </summary>
public sealed class IncrementalCachingTests
{
    private static readonly string[] DownstreamSteps =
    [
        TrackingNames.ValidTasks, TrackingNames.Catalog, TrackingNames.Clients, TrackingNames.Contracts,
        TrackingNames.TaskTable, TrackingNames.ServiceRegistrations,
    ];

    [Fact]
    public void Unrelated_edit_leaves_every_output_cached()
    {
        var (first, second) = RunTwice(
            TestCompilation.Create(Scenarios.InstanceTasks, Scenarios.StaticTasks, Scenarios.Contract, "namespace Demo.Other; public class Unrelated { }"),
            compilation => ReplaceSource(compilation, 3, "namespace Demo.Other; public class Unrelated { public int Added => 42; }"));

        AssertSameSources(first, second);
        AssertParsedEqual(second);
        AssertAllCached(second, DownstreamSteps);
        AssertOutputsCached(second);
    }

    [Fact]
    public void Edit_inside_a_task_method_body_leaves_every_output_cached()
    {
        var (first, second) = RunTwice(
            TestCompilation.Create(Scenarios.InstanceTasks, Scenarios.StaticTasks, Scenarios.Contract),
            compilation => ReplaceSource(compilation, 0, Scenarios.InstanceTasks.Replace("await Task.Yield();", "await Task.Yield();\n        await Task.Delay(1, cancellationToken);")));

        AssertSameSources(first, second);
        AssertParsedEqual(second);
        AssertAllCached(second, DownstreamSteps);
        AssertOutputsCached(second);
    }

    [Fact]
    public void Changing_a_task_attribute_regenerates_its_client_and_the_table_only()
    {
        var (_, second) = RunTwice(
            TestCompilation.Create(Scenarios.InstanceTasks, Scenarios.StaticTasks, Scenarios.Contract),
            compilation => ReplaceSource(compilation, 1, Scenarios.StaticTasks.Replace("\"echo\"", "\"echo-v2\"")));

        var clients = Outputs(second, TrackingNames.Clients);
        Assert.Single(clients, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal(2, clients.Count(o => o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached));
        Assert.All(Outputs(second, TrackingNames.Contracts), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        Assert.All(Outputs(second, TrackingNames.TaskTable), o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        Assert.All(Outputs(second, TrackingNames.ServiceRegistrations), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
    }

    [Fact]
    public void Changing_a_contract_signature_regenerates_only_the_contract_and_its_client()
    {
        var (first, second) = RunTwice(
            TestCompilation.Create(Scenarios.InstanceTasks, Scenarios.Contract),
            compilation => ReplaceSource(compilation, 1, Scenarios.Contract.Replace("Task VoidAsync(Invoice invoice);", "Task VoidAsync(Invoice invoice, CancellationToken cancellationToken);")));

        Assert.Single(Outputs(second, TrackingNames.Clients), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Single(Outputs(second, TrackingNames.Clients), o => o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached);
        Assert.All(Outputs(second, TrackingNames.Contracts), o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        Assert.All(Outputs(second, TrackingNames.TaskTable), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        Assert.NotEqual(first.GeneratedSources.Single(s => s.HintName.EndsWith("BillingTasksContract.g.cs", StringComparison.Ordinal)).SourceText.ToString(),
            second.GeneratedSources.Single(s => s.HintName.EndsWith("BillingTasksContract.g.cs", StringComparison.Ordinal)).SourceText.ToString());
    }

    [Fact]
    public void Pipeline_models_hold_no_symbols_syntax_locations_or_compilations()
    {
        Type[] roots = [typeof(TaskCatalog), typeof(TaskMethodModel), typeof(ServiceRegistrationModel)];
        var forbidden = new[] { typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(Compilation), typeof(SemanticModel), typeof(Diagnostic) };
        var seen = new HashSet<Type>();
        var pending = new Queue<Type>(roots);
        while (pending.TryDequeue(out var type))
        {
            if (!seen.Add(type) || type.IsPrimitive || type.IsEnum || type == typeof(string))
            {
                continue;
            }

            Assert.DoesNotContain(forbidden, f => f.IsAssignableFrom(type));
            if (type.IsGenericType)
            {
                foreach (var argument in type.GetGenericArguments())
                {
                    pending.Enqueue(argument);
                }
            }

            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                pending.Enqueue(field.FieldType.IsArray ? field.FieldType.GetElementType()! : field.FieldType);
            }
        }

        Assert.Contains(typeof(TaskClientModel), seen);
        Assert.Contains(typeof(ContractModel), seen);
    }

    private static void AssertSameSources(GeneratorRunResult first, GeneratorRunResult second) =>
        Assert.Equal(first.GeneratedSources.Select(s => s.SourceText.ToString()), second.GeneratedSources.Select(s => s.SourceText.ToString()));

    // A new compilation makes Roslyn parse the [Task] methods again; each model comes out equal, so nothing after that step runs.
    private static void AssertParsedEqual(GeneratorRunResult run) =>
        Assert.All(Outputs(run, TrackingNames.ParsedTasks), o => Assert.True(
            o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"ParsedTasks was {o.Reason}."));

    private static void AssertAllCached(GeneratorRunResult run, IEnumerable<string> steps)
    {
        foreach (var step in steps)
        {
            var outputs = Outputs(run, step);
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(o.Reason == IncrementalStepRunReason.Cached, $"Step {step} was {o.Reason}."));
        }
    }

    // What the generator adds to the compilation: each AddSource call's step.
    private static void AssertOutputsCached(GeneratorRunResult run)
    {
        var outputs = run.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    private static List<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult run, string step) =>
        run.TrackedSteps.TryGetValue(step, out var steps) ? steps.SelectMany(s => s.Outputs).ToList() : [];

    private static (GeneratorRunResult First, GeneratorRunResult Second) RunTwice(Compilation compilation, Func<Compilation, Compilation> edit)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new TaskGenerator().AsSourceGenerator()],
            parseOptions: TestCompilation.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();
        driver = driver.RunGenerators(edit(compilation));
        return (first, driver.GetRunResult().Results.Single());
    }

    private static Compilation ReplaceSource(Compilation compilation, int index, string text)
    {
        var old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, TestCompilation.ParseOptions, old.FilePath));
    }
}
