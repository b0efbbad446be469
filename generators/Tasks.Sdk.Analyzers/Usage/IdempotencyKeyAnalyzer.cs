using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Tasks.Sdk.Analyzers.Common;
using Tasks.Sdk.Analyzers.Diagnostics;

namespace Tasks.Sdk.Analyzers.Usage;

/// <summary>
/// TASK102: TriggerOptions.IdempotencyKey set from a value that differs on every call (a new Guid, the clock, a random
/// source), directly or through a local's initializer. Such a key never matches a previous one, so it deduplicates nothing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IdempotencyKeyAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [AnalyzerDiagnostics.NonDeduplicatingIdempotencyKey];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (SdkSymbols.Create(start.Compilation)?.TriggerOptions is not { } triggerOptions
                || triggerOptions.GetMembers("IdempotencyKey").FirstOrDefault() is not IPropertySymbol key)
            {
                return;
            }

            start.RegisterOperationAction(c => Analyze(c, key), OperationKind.SimpleAssignment);
        });
    }

    private static void Analyze(OperationAnalysisContext context, IPropertySymbol key)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation target
            || !SymbolEqualityComparer.Default.Equals(target.Property.OriginalDefinition, key)
            || FindChangingSource(assignment.Value, followLocals: true) is not { } source)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            AnalyzerDiagnostics.NonDeduplicatingIdempotencyKey, assignment.Value.Syntax.GetLocation(), source));
    }

    /// <summary>The first value in this expression that changes on every evaluation, as the user wrote it.</summary>
    private static string? FindChangingSource(IOperation value, bool followLocals)
    {
        foreach (var operation in new[] { value }.Concat(value.Descendants()))
        {
            switch (operation)
            {
                case IInvocationOperation call when IsChanging(call.TargetMethod):
                case IPropertyReferenceOperation property when IsChanging(property.Property):
                    return operation.Syntax.ToString();
                case ILocalReferenceOperation local when followLocals:
                    var initializer = value.Root().Descendants().OfType<IVariableDeclaratorOperation>()
                        .FirstOrDefault(d => SymbolEqualityComparer.Default.Equals(d.Symbol, local.Local))
                        ?.GetVariableInitializer()?.Value;
                    if (initializer is not null && FindChangingSource(initializer, followLocals: false) is { } source)
                    {
                        return source;
                    }

                    break;
            }
        }

        return null;
    }

    private static bool IsChanging(ISymbol member)
    {
        var type = member.ContainingType?.ToDisplayString();
        return type switch
        {
            "System.Guid" => member.Name is "NewGuid" or "CreateVersion7",
            "System.DateTime" or "System.DateTimeOffset" => member.Name is "Now" or "UtcNow" or "Today",
            "System.TimeProvider" => member.Name is "GetUtcNow" or "GetLocalNow" or "GetTimestamp",
            "System.Environment" => member.Name is "TickCount" or "TickCount64",
            "System.Diagnostics.Stopwatch" => member.Name is "GetTimestamp",
            "System.IO.Path" => member.Name is "GetRandomFileName" or "GetTempFileName",
            "System.Random" => member.Name != "Shared",
            "System.Security.Cryptography.RandomNumberGenerator" => true,
            _ => false,
        };
    }
}
