using Microsoft.CodeAnalysis;

namespace Tasks.Sdk.Generators.Parsing;

/// <summary>Whether generated code in the same assembly can name a type, and whether a public client may expose it.</summary>
internal static class TypeVisibility
{
    /// <summary>True when every type in the nesting chain is public or internal (protected internal counts as internal).</summary>
    public static bool IsReachableFromAssembly(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsFileLocal || !IsAssemblyVisible(current.DeclaredAccessibility))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the type, its containing types and its type arguments are all public.</summary>
    public static bool IsEffectivelyPublic(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return IsEffectivelyPublic(array.ElementType);
            case ITypeParameterSymbol:
                return true;
            case INamedTypeSymbol named:
                for (INamedTypeSymbol? current = named; current is not null; current = current.ContainingType)
                {
                    if (current.DeclaredAccessibility != Accessibility.Public)
                    {
                        return false;
                    }
                }

                foreach (var argument in named.TypeArguments)
                {
                    if (!IsEffectivelyPublic(argument))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return type.DeclaredAccessibility == Accessibility.Public;
        }
    }

    public static bool IsAssemblyVisible(Accessibility accessibility) =>
        accessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;
}
