using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Tasks.Sdk.Generators.Models;

namespace Tasks.Sdk.Generators.Parsing;

/// <summary>Describes the class holding a task and checks the generated code can name it and, for instance tasks, resolve it.</summary>
internal static class TaskClassParser
{
    public static TaskClassModel Parse(INamedTypeSymbol type)
    {
        var names = new List<string>();
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            names.Insert(0, current.Name);
        }

        return new TaskClassModel(
            FullName: SymbolNames.FullyQualified(type),
            DisplayName: string.Join(".", names),
            Namespace: SymbolNames.Namespace(type.ContainingNamespace),
            ClientBaseName: string.Concat(names));
    }

    /// <summary>Why the class cannot hold tasks, worded to follow "its class 'X' ...", or null when it can.</summary>
    public static string? FindProblem(INamedTypeSymbol type, bool isStaticMethod)
    {
        if (type.TypeKind != TypeKind.Class)
        {
            return $"is {(type.TypeKind == TypeKind.Interface ? "an interface" : "a " + type.TypeKind.ToString().ToLowerInvariant())}; declare tasks in a class";
        }

        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsGenericType)
            {
                return current.Equals(type, SymbolEqualityComparer.Default)
                    ? "is generic; declare tasks in a non-generic class"
                    : $"is nested in the generic type '{current.Name}'; declare tasks in a non-generic class";
            }
        }

        if (!TypeVisibility.IsReachableFromAssembly(type))
        {
            return "is private, protected or file-local (or nested in such a type); make it public or internal";
        }

        if (!isStaticMethod && type.IsAbstract)
        {
            return "is abstract and the method is an instance method; make the class concrete or the method static";
        }

        return null;
    }
}
