using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Tasks.Sdk.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs one analyzer (and optionally one fixer) over a snippet compiled against net10.0 and the real Tasks.Sdk assembly.
/// Locations come from markup in the snippet: <c>{|TASK100:code|}</c> is the exact span a diagnostic must cover.
/// </summary>
internal static class Verifier
{
    /// <summary>Usings and a client holder every snippet may use (<c>clients.Child</c> returns int, <c>clients.Fire</c> returns nothing).</summary>
    public const string Support = """
        global using System;
        global using System.Collections.Generic;
        global using System.Linq;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Tasks.Sdk;

        public sealed class Clients
        {
            public TaskClient<int, int> Child { get; } = null!;
            public TaskClient<int, int> Other { get; } = null!;
            public TaskClient<int> Fire { get; } = null!;
        }
        """;

    /// <summary>No reference package to resolve: the net10.0 assemblies come from Basic.Reference.Assemblies.</summary>
    private static readonly ReferenceAssemblies Net100 = new("net10.0");

    private static readonly MetadataReference TasksSdk = MetadataReference.CreateFromFile(typeof(TaskAttribute).Assembly.Location);

    public static Task AnalyzeAsync<TAnalyzer>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        AnalyzeAsync<TAnalyzer>(source, globalConfig: null, expected);

    /// <summary>A snippet of top-level statements, compiled as a console program.</summary>
    public static Task AnalyzeProgramAsync<TAnalyzer>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        AnalyzeAsync<TAnalyzer>(source, globalConfig: null, expected, OutputKind.ConsoleApplication);

    public static async Task AnalyzeAsync<TAnalyzer>(string source, string? globalConfig, DiagnosticResult[] expected, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>();
        Configure(test.TestState, source);
        test.TestState.OutputKind = outputKind;
        if (globalConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));
        }

        test.ReferenceAssemblies = Net100;
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    public static async Task FixAsync<TAnalyzer, TFixer>(string source, string fixedSource, string? equivalenceKey = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFixer : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFixer, DefaultVerifier>
        {
            ReferenceAssemblies = Net100,
            CodeActionEquivalenceKey = equivalenceKey,
        };
        Configure(test.TestState, source);
        Configure(test.FixedState, fixedSource);
        await test.RunAsync();
    }

    private static void Configure(SolutionState state, string source)
    {
        state.Sources.Add(("/Test.cs", source));
        state.Sources.Add(("/Support.cs", Support));
        state.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        state.AdditionalReferences.Add(TasksSdk);
    }
}
