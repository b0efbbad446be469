using Tasks.Sdk.Generators.Tests.Infrastructure;

namespace Tasks.Sdk.Generators.Tests;

/// <summary>The user's sources plus the generated ones compile with no error, and the generated files with no warning (doc comments included).</summary>
public sealed class CompileTests
{
    [Theory]
    [MemberData(nameof(Scenarios.Names), MemberType = typeof(Scenarios))]
    public void Scenario_compiles_without_errors_or_generated_warnings(string scenario)
    {
        var run = GeneratorRun.Run(Scenarios.Sources(scenario));

        Assert.Empty(run.GeneratorDiagnostics);
        run.AssertCompiles();
    }

    [Fact]
    public void All_scenarios_together_compile_into_one_table()
    {
        var sources = Scenarios.All.SelectMany(Scenarios.Sources).ToArray();

        var run = GeneratorRun.Run(sources);

        run.AssertCompiles();
        Assert.Contains("new global::Tasks.Sdk.TaskDefinition(\"nested\"", run.Sources["GeneratedTaskTable.g.cs"]);
        Assert.Contains("new global::Tasks.Sdk.TaskDefinition(\"global-ping\"", run.Sources["GeneratedTaskTable.g.cs"]);
    }

    [Fact]
    public void Without_the_sdk_nothing_is_emitted()
    {
        var run = GeneratorRun.Run(TestCompilation.CreateWithoutSdk(Scenarios.ZeroTasks));

        Assert.Empty(run.Sources);
        run.AssertCompiles();
    }
}
