using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Tasks.Sdk.Analyzers.Common;
using Tasks.Sdk.Analyzers.Diagnostics;

namespace Tasks.Sdk.Analyzers.Usage;

/// <summary>
/// TASK101: a run waits on one thing at a time (Trigger.dev fails a run that puts triggerAndWait in Promise.all). Flags a
/// waiting call combined by Task.WhenAll/WhenAny/WaitAll/WaitAny (directly, through LINQ, or through a local holding the tasks),
/// run by Task.Run/StartNew/Parallel/ThreadPool, or put in a collection of tasks. The runtime guard in TaskContext backs it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ParallelWaitAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [AnalyzerDiagnostics.ParallelWaits];

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
        if (!sdk.IsWaitingMethod(invocation.TargetMethod) || FindParallelism(invocation, sdk) is not { } reason)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            AnalyzerDiagnostics.ParallelWaits, invocation.Syntax.GetLocation(), invocation.TargetMethod.Name, reason));
    }

    /// <summary>Why this waiting call would run alongside another wait, or null when it runs alone.</summary>
    private static string? FindParallelism(IInvocationOperation wait, SdkSymbols sdk)
    {
        // "Direct" while the value is still the waiting call's own task (only conversions in between).
        var direct = true;
        var throughLambda = false;

        // Awaited on the way up (outside any lambda): what flows on is the result, not a pending task.
        var awaited = false;
        IOperation current = wait;
        for (var parent = wait.Parent; parent is not null; current = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IConversionOperation or IParenthesizedOperation:
                    continue;
                case ILocalFunctionOperation:
                    return null;
                case IAnonymousFunctionOperation:
                    throughLambda = true;
                    awaited = false;
                    break;
                case IAwaitOperation:
                    awaited = true;
                    break;
                case IArgumentOperation { Parent: IInvocationOperation call }:
                    if (sdk.IsTaskCombinator(call.TargetMethod))
                    {
                        return $"inside Task.{call.TargetMethod.Name}";
                    }

                    if (throughLambda && sdk.RunsDelegateInParallel(call.TargetMethod))
                    {
                        return $"inside {call.TargetMethod.ContainingType.Name}.{call.TargetMethod.Name}";
                    }

                    if (direct && call.TargetMethod.Name == "Add")
                    {
                        return "as an item added to a collection of tasks";
                    }

                    break;
                case ICollectionExpressionOperation or IArrayInitializerOperation when direct && !IsParamsArray(parent):
                    return "as an item of a collection of tasks";
                case IVariableDeclaratorOperation declarator:
                    return awaited ? null : UsedByCombinator(declarator.Symbol, parent, sdk);
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment when assignment.Value == current:
                    return awaited ? null : UsedByCombinator(local.Local, parent, sdk);
            }

            direct = false;
        }

        return null;
    }

    /// <summary>The array the compiler builds for a params argument: the combinator or call that takes it decides.</summary>
    private static bool IsParamsArray(IOperation collection) =>
        collection.IsImplicit || collection is IArrayInitializerOperation { Parent: IArrayCreationOperation { IsImplicit: true } };

    /// <summary>A local holding waiting tasks that a combinator later takes, e.g. <c>var ts = xs.Select(...); await Task.WhenAll(ts);</c>.</summary>
    private static string? UsedByCombinator(ILocalSymbol local, IOperation anywhereInBody, SdkSymbols sdk)
    {
        var combinator = anywhereInBody.Root().Descendants()
            .OfType<IInvocationOperation>()
            .FirstOrDefault(call => sdk.IsTaskCombinator(call.TargetMethod)
                && call.Arguments.Any(a => a.Descendants().OfType<ILocalReferenceOperation>()
                    .Any(r => SymbolEqualityComparer.Default.Equals(r.Local, local))));
        return combinator is null ? null : $"inside Task.{combinator.TargetMethod.Name} (through '{local.Name}')";
    }
}
