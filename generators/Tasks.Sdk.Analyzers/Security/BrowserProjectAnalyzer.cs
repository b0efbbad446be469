using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Tasks.Sdk.Analyzers.Diagnostics;

namespace Tasks.Sdk.Analyzers.Security;

/// <summary>
/// TASK200: the SDK compiled into a Blazor WebAssembly project (directly or through a class library), where its code and
/// secret key would be downloaded by every browser. The package's buildTransitive targets make these MSBuild properties
/// visible (CompilerVisibleProperty) and add an MSBuild error that still fires with analyzers off.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BrowserProjectAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [AnalyzerDiagnostics.SdkInBrowserProject];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationAction(compilation =>
        {
            var options = compilation.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
            if (IsBrowserProject(options) && compilation.Compilation.ReferencedAssemblyNames.Any(a => a.Name == "Tasks.Sdk"))
            {
                compilation.ReportDiagnostic(Diagnostic.Create(
                    AnalyzerDiagnostics.SdkInBrowserProject, Location.None, compilation.Compilation.AssemblyName));
            }
        });
    }

    /// <summary>Blazor WebAssembly (standalone or a Web App's .Client project), or any project built for browser-wasm.</summary>
    private static bool IsBrowserProject(AnalyzerConfigOptions options) =>
        IsTrue(options, "build_property.UsingMicrosoftNETSdkBlazorWebAssembly")
        || IsTrue(options, "build_property.UsingMicrosoftNETSdkWebAssembly")
        || (options.TryGetValue("build_property.RuntimeIdentifier", out var rid) && rid.Equals("browser-wasm", StringComparison.OrdinalIgnoreCase));

    private static bool IsTrue(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && value.Equals("true", StringComparison.OrdinalIgnoreCase);
}
