using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Tasks.Sdk.Analyzers.Common;
using Tasks.Sdk.Analyzers.Diagnostics;

namespace Tasks.Sdk.Analyzers.Usage;

/// <summary>
/// TASK100: a [WaitsForRun] API (TriggerAndWaitAsync, BatchTriggerAndWaitAsync) called where no task runs. At run time it
/// would throw; here it does not compile. Matches the attribute, not a method name.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WaitOutsideTaskAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [AnalyzerDiagnostics.WaitOutsideTask];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (SdkSymbols.Create(start.Compilation) is not { } sdk)
            {
                return;
            }

            start.RegisterOperationAction(c => Analyze(c, sdk), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, SdkSymbols sdk)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!sdk.IsWaitingMethod(invocation.TargetMethod) || TaskScope.IsInsideTask(invocation, context.ContainingSymbol, sdk))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            AnalyzerDiagnostics.WaitOutsideTask,
            invocation.Syntax.GetLocation(),
            invocation.TargetMethod.Name,
            TaskScope.EnclosingMemberName(invocation, context.ContainingSymbol)));
    }
}
