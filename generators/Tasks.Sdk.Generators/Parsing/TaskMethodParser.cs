using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tasks.Sdk.Generators.Diagnostics;
using Tasks.Sdk.Generators.Models;

namespace Tasks.Sdk.Generators.Parsing;

/// <summary>
/// Turns one <c>[Task]</c> method into a <see cref="TaskMethodModel"/>, or into a diagnostic saying why it cannot be one.
/// Code the compiler already rejects (unresolved types, bad attribute arguments) is skipped without a diagnostic of ours.
/// </summary>
internal static class TaskMethodParser
{
    public static TaskParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method || context.Attributes.Length == 0)
        {
            return TaskParseResult.Skipped;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var attribute = context.Attributes[0];
        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Kind == TypedConstantKind.Error)
        {
            return TaskParseResult.Skipped;
        }

        var location = LocationInfo.From(context.TargetNode is MethodDeclarationSyntax syntax ? syntax.Identifier.GetLocation() : context.TargetNode.GetLocation());
        var containingType = method.ContainingType;
        var taskClass = TaskClassParser.Parse(containingType);
        var displayName = $"{taskClass.DisplayName}.{method.Name}";

        if (TaskClassParser.FindProblem(containingType, method.IsStatic) is { } classProblem)
        {
            return TaskParseResult.Invalid(DiagnosticInfo.Create(TaskDiagnostics.InvalidTaskClass, location, displayName, taskClass.DisplayName, classProblem));
        }

        var known = new KnownTypes(context.SemanticModel.Compilation);
        if (HasUnresolvedTypes(method))
        {
            return TaskParseResult.Skipped;
        }

        if (FindMethodProblem(method) is { } methodProblem)
        {
            return Invalid(methodProblem);
        }

        if (!TryGetOutputType(method.ReturnType, known, out var outputType))
        {
            return Invalid($"returns {method.ReturnType.ToDisplayString()}; return Task, Task<T>, ValueTask or ValueTask<T>");
        }

        var parameters = new List<TaskParameterKind>();
        var payloads = new List<IParameterSymbol>();
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.None)
            {
                return Invalid($"declares parameter '{parameter.Name}' as {parameter.RefKind.ToString().ToLowerInvariant()}; take every parameter by value");
            }

            var kind = KnownTypes.Is(parameter.Type, known.TaskContext) ? TaskParameterKind.Context
                : KnownTypes.Is(parameter.Type, known.CancellationToken) ? TaskParameterKind.CancellationToken
                : TaskParameterKind.Payload;
            if (kind != TaskParameterKind.Payload && parameters.Contains(kind))
            {
                return Invalid($"takes more than one {(kind == TaskParameterKind.Context ? "TaskContext" : "CancellationToken")}; keep one");
            }

            if (kind == TaskParameterKind.Payload)
            {
                payloads.Add(parameter);
            }

            parameters.Add(kind);
        }

        if (payloads.Count == 0)
        {
            return Invalid("has no payload parameter; add one (a record describing the task's input)");
        }

        if (payloads.Count > 1)
        {
            return Invalid($"has {payloads.Count} payload parameters ({string.Join(", ", payloads.Select(p => p.Name))}); wrap them in one record");
        }

        var payloadType = payloads[0].Type;
        if (payloadType.IsRefLikeType || payloadType.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer or TypeKind.Dynamic)
        {
            return Invalid($"takes a payload of type {payloadType.ToDisplayString()}, which cannot be deserialized from JSON; use a class, record or struct");
        }

        var taskId = attribute.ConstructorArguments[0].Value as string;
        if (string.IsNullOrWhiteSpace(taskId))
        {
            return TaskParseResult.Invalid(DiagnosticInfo.Create(TaskDiagnostics.EmptyTaskId, location, displayName));
        }

        var options = TaskOptionsParser.Parse(attribute);
        if (options is null)
        {
            return TaskParseResult.Skipped;
        }

        cancellationToken.ThrowIfCancellationRequested();
        return TaskParseResult.Valid(new TaskMethodModel(
            TaskId: taskId!,
            MethodName: SymbolNames.Identifier(method.Name),
            PropertyName: SymbolNames.Identifier(ClientPropertyName(method.Name)),
            ContainingType: taskClass,
            IsStatic: method.IsStatic,
            IsPublic: TypeVisibility.IsEffectivelyPublic(containingType)
                && TypeVisibility.IsEffectivelyPublic(payloadType)
                && (outputType is null || TypeVisibility.IsEffectivelyPublic(outputType)),
            PayloadType: SymbolNames.FullyQualified(payloadType),
            OutputType: outputType is null ? null : SymbolNames.FullyQualified(outputType),
            Parameters: parameters.ToEquatableArray(),
            Options: options.Value));

        TaskParseResult Invalid(string problem) =>
            TaskParseResult.Invalid(DiagnosticInfo.Create(TaskDiagnostics.InvalidTaskMethod, location, displayName, problem));
    }

    /// <summary><c>ResizeAsync</c> becomes <c>Resize</c>; a method called just <c>Async</c> keeps its name.</summary>
    public static string ClientPropertyName(string methodName) =>
        methodName.Length > "Async".Length && methodName.EndsWith("Async", System.StringComparison.Ordinal)
            ? methodName.Substring(0, methodName.Length - "Async".Length)
            : methodName;

    private static string? FindMethodProblem(IMethodSymbol method)
    {
        if (method.IsGenericMethod)
        {
            return "is generic; task methods cannot have type parameters (use a concrete payload type)";
        }

        if (!TypeVisibility.IsAssemblyVisible(method.DeclaredAccessibility))
        {
            return $"is {method.DeclaredAccessibility.ToString().ToLowerInvariant()}; make it public or internal so the generated dispatcher can call it";
        }

        if (method.MethodKind != MethodKind.Ordinary)
        {
            return "is not an ordinary method";
        }

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
