using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Tasks.Sdk.Generators.Models;

namespace Tasks.Sdk.Generators.Parsing;

/// <summary>Describes the type holding a task and checks the generated code can name it and, for instance tasks, resolve it.</summary>
internal static class TaskClassParser
{
    public static TaskClassModel Parse(INamedTypeSymbol type)
    {
        var names = new List<string>();
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            names.Insert(0, current.Name);
        }

        var isContract = type.TypeKind == TypeKind.Interface;
        var baseName = string.Concat(names);
        if (isContract && type.ContainingType is null && baseName.Length > 1 && baseName[0] == 'I' && char.IsUpper(baseName[1]))
        {
            baseName = baseName.Substring(1);
        }

        return new TaskClassModel(
            FullName: SymbolNames.FullyQualified(type),
            DisplayName: string.Join(".", names),
            Namespace: SymbolNames.Namespace(type.ContainingNamespace),
            ClientBaseName: baseName,
            IsContract: isContract);
    }

    /// <summary>Why the generated dispatch table cannot call the method, worded to follow "cannot be dispatched: ...", or null.</summary>
    public static string? FindProblem(INamedTypeSymbol type, IMethodSymbol method)
    {
        var name = Parse(type).DisplayName;
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Interface))
        {
            return $"'{name}' is a {type.TypeKind.ToString().ToLowerInvariant()}; declare tasks in a class (or in an interface, as a contract)";
        }

        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.TypeParameters.Length > 0)
            {
                return current.Equals(type, SymbolEqualityComparer.Default)
                    ? $"'{name}' is an open generic type; declare tasks in a non-generic type"
                    : $"'{name}' is nested in the open generic type '{current.Name}'; declare tasks in a non-generic type";
            }
        }

        if (!TypeVisibility.IsReachableFromAssembly(type))
        {
            return $"'{name}' is private, protected or file-local (or nested in such a type); make it public or internal";
        }

        if (!TypeVisibility.IsAssemblyVisible(method.DeclaredAccessibility))
        {
            return $"the method is {Accessibility(method.DeclaredAccessibility)}; make it public or internal";
        }

        if (type.TypeKind == TypeKind.Interface)
        {
            return method.IsStatic
                ? "a contract interface's tasks are instance methods its implementation provides; remove 'static'"
                : null;
        }

        if (!method.IsStatic && type.IsAbstract)
        {
            return $"'{name}' is abstract and the method is an instance method; make the class concrete or the method static";
        }

        if (!method.IsStatic && method.IsAbstract)
        {
            return "the method is abstract; give it a body";
        }

        return null;
    }

    private static string Accessibility(Accessibility accessibility) => accessibility switch
    {
        Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
        Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => "protected internal",
        _ => accessibility.ToString().ToLowerInvariant(),
    };
}
