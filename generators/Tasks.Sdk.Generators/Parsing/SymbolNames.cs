using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Tasks.Sdk.Generators.Parsing;

/// <summary>How symbols are spelled in generated code: fully qualified, keywords escaped, nullable annotations kept.</summary>
internal static class SymbolNames
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly SymbolDisplayFormat NamespaceFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted);

    // crefs take no nullable annotations and spell Nullable<T> out.
    private static readonly SymbolDisplayFormat CrefTypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.ExpandNullable);

    /// <summary><c>global::N.Resize</c>, <c>int</c>, <c>string?</c>.</summary>
    public static string FullyQualified(ITypeSymbol type) => type.ToDisplayString(TypeFormat);

    /// <summary><c>N.Inner</c>, or empty for the global namespace.</summary>
    public static string Namespace(INamespaceSymbol? ns) =>
        ns is null || ns.IsGlobalNamespace ? string.Empty : ns.ToDisplayString(NamespaceFormat);

    /// <summary>An identifier usable in C# source: <c>@class</c> for the keyword <c>class</c>.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>
    /// The method as a doc-comment reference with its parameter types, so a non-task overload does not make it ambiguous:
    /// <c>global::N.ImageTasks.ResizeAsync(global::N.Resize, global::System.Threading.CancellationToken)</c>.
    /// </summary>
    public static string Cref(IMethodSymbol method)
    {
        var parameters = new string[method.Parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = method.Parameters[i].Type.ToDisplayString(CrefTypeFormat).Replace('<', '{').Replace('>', '}');
        }

        return $"{FullyQualified(method.ContainingType)}.{Identifier(method.Name)}({string.Join(", ", parameters)})";
    }
}
