using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tasks.Sdk.Generators.Diagnostics;
using Tasks.Sdk.Generators.Models;
using Tasks.Sdk.Generators.Validation;

namespace Tasks.Sdk.Generators.Parsing;

/// <summary>
/// Turns one <c>[Task]</c> method into a <see cref="TaskMethodModel"/>, or into the problems that keep it from being one, each
/// at the exact place to fix. The generator and the analyzer both call <see cref="Parse(IMethodSymbol, AttributeData, KnownTypes, CancellationToken)"/>,
/// so a method the generator skips is always one the analyzer reports. Code the compiler already rejects (unresolved types,
/// bad attribute arguments) is skipped without a problem of ours.
/// </summary>
internal static class TaskMethodParser
{
    /// <summary>The generator's entry: the model of a valid task, or null.</summary>
    public static TaskMethodModel? ParseModel(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        context.TargetSymbol is IMethodSymbol method && context.Attributes.Length > 0
            ? Parse(method, context.Attributes[0], new KnownTypes(context.SemanticModel.Compilation), cancellationToken).Task
            : null;

    public static TaskParseResult Parse(IMethodSymbol method, AttributeData attribute, KnownTypes known, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Kind == TypedConstantKind.Error
            || attribute.NamedArguments.Any(a => a.Value.Kind == TypedConstantKind.Error) || HasUnresolvedTypes(method))
        {
            return TaskParseResult.Skipped;
        }

        var containingType = method.ContainingType;
        var taskClass = TaskClassParser.Parse(containingType);
        var displayName = $"{taskClass.DisplayName}.{method.Name}";
        var syntax = method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as MethodDeclarationSyntax;
        var methodLocation = syntax?.Identifier.GetLocation() ?? method.Locations.FirstOrDefault() ?? Location.None;
        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var problems = new List<Diagnostic>();

        var taskId = attribute.ConstructorArguments[0].Value as string;
        if (TaskIdRules.FindProblem(taskId) is { } idProblem)
        {
            var idText = taskId is null ? "null" : Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(taskId, quote: true);
            problems.Add(Diagnostic.Create(TaskDiagnostics.InvalidTaskId, AttributeLocations.Id(attributeSyntax) ?? methodLocation, displayName, idText, idProblem));
        }

        foreach (var (option, problem) in TaskOptionRules.FindProblems(attribute))
        {
            problems.Add(Diagnostic.Create(TaskDiagnostics.InvalidOptionValue, AttributeLocations.Named(attributeSyntax, option) ?? methodLocation, displayName, option, problem));
        }

        if (TaskClassParser.FindProblem(containingType, method) is { } classProblem)
        {
            problems.Add(Diagnostic.Create(TaskDiagnostics.UnreachableTask, methodLocation, displayName, classProblem));
            return new TaskParseResult(null, problems);
        }

        if (FindSignatureProblem(method, syntax, methodLocation, known, out var outputType, out var payload, out var parameters) is { } signature)
        {
            problems.Add(Diagnostic.Create(TaskDiagnostics.UnsupportedSignature, signature.Location, displayName, signature.Problem));
            return new TaskParseResult(null, problems);
        }

        if (JsonShapeRules.FindProblem(payload!.Type, known.Compilation) is { } payloadProblem)
        {
            problems.Add(Diagnostic.Create(TaskDiagnostics.UnserializableType, payload.Locations.FirstOrDefault() ?? methodLocation, displayName, "payload", payload.Type.ToDisplayString(), payloadProblem));
        }

        if (outputType is not null && JsonShapeRules.FindProblem(outputType, known.Compilation) is { } outputProblem)
        {
            problems.Add(Diagnostic.Create(TaskDiagnostics.UnserializableType, syntax?.ReturnType.GetLocation() ?? methodLocation, displayName, "output", outputType.ToDisplayString(), outputProblem));
        }

        if (problems.Count > 0)
        {
            return new TaskParseResult(null, problems);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return TaskParseResult.Valid(new TaskMethodModel(
            TaskId: taskId!,
            MethodName: SymbolNames.Identifier(method.Name),
            PropertyName: SymbolNames.Identifier(ClientPropertyName(method.Name)),
            ContainingType: taskClass,
            IsStatic: method.IsStatic,
            IsPublic: TypeVisibility.IsEffectivelyPublic(containingType)
                && TypeVisibility.IsEffectivelyPublic(payload.Type)
                && (outputType is null || TypeVisibility.IsEffectivelyPublic(outputType)),
            PayloadType: SymbolNames.FullyQualified(payload.Type),
            OutputType: outputType is null ? null : SymbolNames.FullyQualified(outputType),
            Parameters: parameters.ToEquatableArray(),
            Options: TaskOptionsParser.Parse(attribute),
            Cref: SymbolNames.Cref(method),
            Summary: DocumentationSummary.Lines(method, cancellationToken)));
    }

    /// <summary><c>ResizeAsync</c> becomes <c>Resize</c>; a method called just <c>Async</c> keeps its name.</summary>
    public static string ClientPropertyName(string methodName) =>
        methodName.Length > "Async".Length && methodName.EndsWith("Async", System.StringComparison.Ordinal)
            ? methodName.Substring(0, methodName.Length - "Async".Length)
            : methodName;

    private static (string Problem, Location Location)? FindSignatureProblem(
        IMethodSymbol method,
        MethodDeclarationSyntax? syntax,
        Location methodLocation,
        KnownTypes known,
        out ITypeSymbol? outputType,
        out IParameterSymbol? payload,
        out List<TaskParameterKind> parameters)
    {
        outputType = null;
        payload = null;
        parameters = [];
        if (method.IsGenericMethod)
        {
            return ("is generic; task methods cannot have type parameters (use a concrete payload type)", syntax?.TypeParameterList?.GetLocation() ?? methodLocation);
        }

        if (method.MethodKind != MethodKind.Ordinary)
        {
            return ("is not an ordinary method; declare the task as a method", methodLocation);
        }

        var returnLocation = syntax?.ReturnType.GetLocation() ?? methodLocation;
        if (method.ReturnsVoid && method.IsAsync)
        {
            return ("is async void, so nobody can observe when it ends or whether it failed; return Task instead", returnLocation);
        }

        if (!TryGetOutputType(method.ReturnType, known, out outputType))
        {
            return ($"returns {method.ReturnType.ToDisplayString()}, which is not awaitable; return Task, Task<T>, ValueTask or ValueTask<T>", returnLocation);
        }

        var payloads = new List<IParameterSymbol>();
        foreach (var parameter in method.Parameters)
        {
            var parameterLocation = parameter.Locations.FirstOrDefault() ?? methodLocation;
            if (parameter.RefKind != RefKind.None)
            {
                var modifier = parameter.RefKind switch
                {
                    RefKind.Out => "out",
                    RefKind.In => "in",
                    RefKind.RefReadOnlyParameter => "ref readonly",
                    _ => "ref",
                };
                return ($"declares parameter '{parameter.Name}' as {modifier}; a task gets its payload by value, so drop '{modifier}'", parameterLocation);
            }

            var kind = KnownTypes.Is(parameter.Type, known.TaskContext) ? TaskParameterKind.Context
                : KnownTypes.Is(parameter.Type, known.CancellationToken) ? TaskParameterKind.CancellationToken
                : TaskParameterKind.Payload;
            if (kind != TaskParameterKind.Payload && parameters.Contains(kind))
            {
                return ($"takes more than one {(kind == TaskParameterKind.Context ? "TaskContext" : "CancellationToken")}; keep one", parameterLocation);
            }

            if (kind == TaskParameterKind.Payload)
            {
                payloads.Add(parameter);
            }

            parameters.Add(kind);
        }

        if (payloads.Count == 0)
        {
            return ("has no payload parameter; add one (a record describing the task's input)", syntax?.ParameterList.GetLocation() ?? methodLocation);
        }

        if (payloads.Count > 1)
        {
            return ($"has {payloads.Count} payload parameters ({string.Join(", ", payloads.Select(p => p.Name))}); wrap them in one record", payloads[1].Locations.FirstOrDefault() ?? methodLocation);
        }

        payload = payloads[0];
        return null;
    }

    /// <summary>Task&lt;T&gt;/ValueTask&lt;T&gt; give T; Task/ValueTask give null; anything else fails.</summary>
    private static bool TryGetOutputType(ITypeSymbol returnType, KnownTypes known, out ITypeSymbol? outputType)
    {
        outputType = null;
        if (KnownTypes.Is(returnType, known.Task) || KnownTypes.Is(returnType, known.ValueTask))
        {
            return true;
        }

        if (returnType is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic
            && (KnownTypes.Is(generic.ConstructedFrom, known.TaskOfT) || KnownTypes.Is(generic.ConstructedFrom, known.ValueTaskOfT)))
        {
            outputType = generic.TypeArguments[0];
            return true;
        }

        return false;
    }

    private static bool HasUnresolvedTypes(IMethodSymbol method) =>
        IsUnresolved(method.ReturnType) || method.Parameters.Any(p => IsUnresolved(p.Type));

    private static bool IsUnresolved(ITypeSymbol type) => type switch
    {
        IErrorTypeSymbol => true,
        IArrayTypeSymbol array => IsUnresolved(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(IsUnresolved),
        _ => false,
    };
}
