using Microsoft.CodeAnalysis;

namespace Tasks.Sdk.Generators.Validation;

/// <summary>
/// Types System.Text.Json cannot round-trip as a payload or an output: delegates, pointers, ref structs, <c>object</c>
/// and <c>dynamic</c> (they deserialize to a JsonElement, not to what was sent), and interfaces or abstract classes with no
/// <c>[JsonDerivedType]</c> to say which implementation to create. Collections are checked through their element types.
/// </summary>
internal static class JsonShapeRules
{
    /// <summary>Why the type cannot be serialized, or null when it can.</summary>
    public static string? FindProblem(ITypeSymbol type, Compilation compilation) => FindProblem(type, compilation, depth: 0);

    private static string? FindProblem(ITypeSymbol type, Compilation compilation, int depth)
    {
        if (depth > 8)
        {
            return null;
        }

        switch (type.TypeKind)
        {
            case TypeKind.Delegate:
                return "delegates are code, not data; pass the data the task needs instead";
            case TypeKind.Pointer:
            case TypeKind.FunctionPointer:
                return "pointers cannot be serialized; pass the data they point to instead";
            case TypeKind.Dynamic:
                return "'dynamic' deserializes to a JsonElement; use a concrete type";
            case TypeKind.TypeParameter:
                return null;
        }

        if (type.IsRefLikeType)
        {
            return "ref structs cannot be serialized; use an array or a record";
        }

        if (type.SpecialType == SpecialType.System_Object)
        {
            return "'object' deserializes to a JsonElement, not to what was sent; use a concrete type";
        }

        if (type is IArrayTypeSymbol array)
        {
            return FindProblem(array.ElementType, compilation, depth + 1);
        }

        if (type is not INamedTypeSymbol named)
        {
            return null;
        }

        foreach (var argument in named.TypeArguments)
        {
            if (FindProblem(argument, compilation, depth + 1) is { } problem)
            {
                return problem;
            }
        }

        if ((named.TypeKind == TypeKind.Interface || named.IsAbstract) && !IsCollection(named, compilation) && !HasDerivedTypes(named))
        {
            return $"{(named.TypeKind == TypeKind.Interface ? "an interface" : "an abstract class")} has no known implementation to deserialize into; use a concrete type or list the implementations with [JsonDerivedType]";
        }

        return null;
    }

    private static bool IsCollection(INamedTypeSymbol type, Compilation compilation)
    {
        var enumerable = compilation.GetSpecialType(SpecialType.System_Collections_IEnumerable);
        if (SymbolEqualityComparer.Default.Equals(type, enumerable))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, enumerable))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasDerivedTypes(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "JsonDerivedTypeAttribute" or "JsonPolymorphicAttribute" })
            {
                return true;
            }
        }

        return false;
    }
}
