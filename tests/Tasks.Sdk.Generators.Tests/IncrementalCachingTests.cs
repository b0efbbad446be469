using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Tasks.Sdk.Generators.Tests.Infrastructure;

namespace Tasks.Sdk.Generators.Tests;

/// <summary>An edit that touches no task leaves every step of the pipeline cached; one that does changes only what it must.</summary>
public sealed class IncrementalCachingTests
{
    private static readonly string[] ModelSteps =
    [
        TrackingNames.ParsedTasks, TrackingNames.ValidTasks, TrackingNames.Catalog,
        TrackingNames.Clients, TrackingNames.TaskTable, TrackingNames.ServiceRegistrations,
    ];

    [Fact]
    public void Unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        var (first, second) = RunTwice(
            TestCompilation.Create(Scenarios.InstanceTasks, Scenarios.StaticTasks, "namespace Demo.Other; public class Unrelated { }"),
            compilation => ReplaceSource(compilation, 2, "namespace Demo.Other; public class Unrelated { public int Added => 42; }"));

        Assert.Equal(first.GeneratedSources.Select(s => s.SourceText.ToString()), second.GeneratedSources.Select(s => s.SourceText.ToString()));
        foreach (var step in ModelSteps)
        {
            var outputs = second.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(
                o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"Step {step} was {o.Reason} after an unrelated edit."));
        }
    }

    [Fact]
    public void Editing_one_task_class_regenerates_only_its_client()
    {
        var (_, second) = RunTwice(
            TestCompilation.Create(Scenarios.InstanceTasks, Scenarios.StaticTasks),
            compilation => ReplaceSource(compilation, 1, Scenarios.StaticTasks.Replace("\"echo\"", "\"echo-v2\"")));

        var clients = second.TrackedSteps[TrackingNames.Clients].SelectMany(s => s.Outputs).ToList();
        Assert.Contains(clients, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(clients, o => o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached);
        Assert.All(
            second.TrackedSteps[TrackingNames.ServiceRegistrations].SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
    }

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
