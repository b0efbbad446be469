using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Tasks.Sdk.Generators.Tests.Infrastructure;

/// <summary>One run of <see cref="TaskGenerator"/> over a compilation: what it generated, reported, and the compilation with its output.</summary>
internal sealed class GeneratorRun
{
    private GeneratorRun(Compilation input, Compilation output, GeneratorRunResult result)
    {
        Input = input;
        Output = output;
        Result = result;
    }

    public Compilation Input { get; }

    public Compilation Output { get; }

    public GeneratorRunResult Result { get; }

    /// <summary>What the generator itself reports: always nothing, since the analyzer owns the diagnostics.</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics => Result.Diagnostics;

    /// <summary>What <see cref="Analysis.TaskAnalyzer"/> reports on the user's sources.</summary>
    public IReadOnlyList<Diagnostic> AnalyzerDiagnostics => AnalyzerRun.Diagnostics(Input);

    /// <summary>Generated files by hint name.</summary>
    public IReadOnlyDictionary<string, string> Sources =>
        Result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    public static GeneratorRun Run(params string[] sources) => Run(TestCompilation.Create(sources));

    public static GeneratorRun Run(Compilation compilation)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new TaskGenerator().AsSourceGenerator()],
            parseOptions: TestCompilation.ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        return new GeneratorRun(compilation, output, result);
    }

    /// <summary>Compiler diagnostics of the whole output compilation, warnings in generated files included.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems()
    {
        var generatedTrees = Result.GeneratedSources.Select(s => s.SyntaxTree).ToHashSet();
        return Output.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error
                || (d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && generatedTrees.Contains(tree)))
            .ToList();
    }

    public void AssertCompiles()
    {
        var problems = CompilationProblems();
        Assert.True(problems.Count == 0, "Generated code does not compile cleanly:\n" + string.Join("\n", problems));
    }
}
