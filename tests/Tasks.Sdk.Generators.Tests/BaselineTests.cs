using Tasks.Sdk.Generators.Tests.Infrastructure;

namespace Tasks.Sdk.Generators.Tests;

/// <summary>The emitted code, file by file, against <c>Baselines/</c>. Rewrite with <c>UPDATE_SNAPSHOTS=1 dotnet test</c>.</summary>
public sealed class BaselineTests
{
    [Fact]
    public void InstanceTasks() => Baseline.Match(GeneratorRun.Run(Scenarios.InstanceTasks));

    [Fact]
    public void StaticTasks() => Baseline.Match(GeneratorRun.Run(Scenarios.StaticTasks));

    [Fact]
    public void PartialClassAcrossFiles() => Baseline.Match(GeneratorRun.Run(Scenarios.PartialClassFirstFile, Scenarios.PartialClassSecondFile));

    [Fact]
    public void InternalTypes() => Baseline.Match(GeneratorRun.Run(Scenarios.InternalTypes));

    [Fact]
    public void GlobalNamespace() => Baseline.Match(GeneratorRun.Run(Scenarios.GlobalNamespace));

    [Fact]
    public void NestedClass() => Baseline.Match(GeneratorRun.Run(Scenarios.NestedClass));

    [Fact]
    public void PayloadShapes() => Baseline.Match(GeneratorRun.Run(Scenarios.PayloadShapes));

    [Fact]
    public void SameClassNameTwice() => Baseline.Match(GeneratorRun.Run(Scenarios.SameClassNameTwice));

    [Fact]
    public void Contract() => Baseline.Match(GeneratorRun.Run(Scenarios.Contract));

    [Fact]
    public void ZeroTasks() => Baseline.Match(GeneratorRun.Run(Scenarios.ZeroTasks));
}
