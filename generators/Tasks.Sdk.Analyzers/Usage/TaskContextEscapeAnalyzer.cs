using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Tasks.Sdk.Analyzers.Common;
using Tasks.Sdk.Analyzers.Diagnostics;

namespace Tasks.Sdk.Analyzers.Usage;

/// <summary>
/// TASK103: a TaskContext kept where it can outlive its run: stored in a field or property (static or not), or captured by
/// a lambda handed to Task.Run/StartNew/Parallel/ThreadPool or to a timer, whose callback may run after the run ended.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TaskContextEscapeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [AnalyzerDiagnostics.TaskContextEscapes];

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

            start.RegisterOperationAction(c => AnalyzeAssignment(c, sdk), OperationKind.SimpleAssignment);
            start.RegisterOperationAction(c => AnalyzeLambda(c, sdk), OperationKind.AnonymousFunction);
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, SdkSymbols sdk)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (!sdk.IsTaskContext(assignment.Value.WithoutConversions().Type))
        {
            return;
        }

        var (kind, member) = assignment.Target switch
        {
            IFieldReferenceOperation field => (field.Field.IsStatic ? "static field" : "field", (ISymbol)field.Field),
            IPropertyReferenceOperation property => (property.Property.IsStatic ? "static property" : "property", property.Property),
            _ => (null, null),
        };
        if (member is null)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            AnalyzerDiagnostics.TaskContextEscapes,
            assignment.Syntax.GetLocation(),
            assignment.Value.Syntax.ToString(),
            $"stored in the {kind} '{member.Name}'"));
    }

    private static void AnalyzeLambda(OperationAnalysisContext context, SdkSymbols sdk)
    {
        var lambda = (IAnonymousFunctionOperation)context.Operation;
        if (LaunchedBy(lambda, sdk) is not { } launcher)
        {
            return;
        }

        var span = lambda.Syntax.Span;
        var captured = lambda.Body.Descendants().FirstOrDefault(o => o switch
        {
            IParameterReferenceOperation p => sdk.IsTaskContext(p.Type) && !IsDeclaredWithin(p.Parameter, span),
            ILocalReferenceOperation l => sdk.IsTaskContext(l.Type) && !IsDeclaredWithin(l.Local, span),
            _ => false,
        });
        if (captured is null)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            AnalyzerDiagnostics.TaskContextEscapes,
            captured.Syntax.GetLocation(),
            captured.Syntax.ToString(),
            $"captured by a lambda passed to {launcher}"));
    }

    /// <summary>The API that takes this lambda and runs it apart from the run's own flow, or null.</summary>
    private static string? LaunchedBy(IAnonymousFunctionOperation lambda, SdkSymbols sdk)
    {
        var consumer = lambda.Consumer();
        if (consumer is IDelegateCreationOperation creation)
        {
            consumer = creation.Consumer();
        }

        return consumer switch
        {
            IArgumentOperation { Parent: IInvocationOperation call } when sdk.RunsDelegateInParallel(call.TargetMethod) =>
                $"{call.TargetMethod.ContainingType.Name}.{call.TargetMethod.Name}",
            IArgumentOperation { Parent: IObjectCreationOperation created } when sdk.IsTimer(created.Type) =>
                $"a {created.Type!.Name}",
            IEventAssignmentOperation { EventReference: IEventReferenceOperation e } when sdk.IsTimer(e.Event.ContainingType) =>
                $"the {e.Event.ContainingType.Name}.{e.Event.Name} event",
            _ => null,
        };
    }

    private static bool IsDeclaredWithin(ISymbol symbol, Microsoft.CodeAnalysis.Text.TextSpan span) =>
        symbol.DeclaringSyntaxReferences.Any(r => span.Contains(r.Span));
}
