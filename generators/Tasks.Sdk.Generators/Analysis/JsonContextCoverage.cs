using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Tasks.Sdk.Generators.Diagnostics;

namespace Tasks.Sdk.Generators.Analysis;

/// <summary>
/// TASK021: in a project that is trimmed or AOT-compiled, reflection-based JSON is off, so every task payload and output
/// must be in a source-generated <c>JsonSerializerContext</c>. A type counts as covered when a context lists it with
/// <c>[JsonSerializable]</c> or reaches it from a listed type (properties, elements, type arguments), as the JSON
/// source generator does.
/// </summary>
internal static class JsonContextCoverage
{
    /// <summary>Diagnostic property: the type to add, as <c>typeof</c> takes it.</summary>
    public const string TypeNameProperty = "TypeName";

    private const string ContextTypeName = "System.Text.Json.Serialization.JsonSerializerContext";
    private const string SerializableAttributeName = "System.Text.Json.Serialization.JsonSerializableAttribute";

    private static readonly SymbolDisplayFormat TypeOfFormat = SymbolDisplayFormat.FullyQualifiedFormat;

    /// <summary><c>IsAotCompatible</c>, <c>PublishTrimmed</c> and <c>PublishAot</c> all turn on a trim or AOT analyzer, whose switch the compiler sees.</summary>
    public static bool IsTrimmedOrAot(AnalyzerConfigOptions options) =>
        IsTrue(options, "build_property.EnableTrimAnalyzer") || IsTrue(options, "build_property.EnableAotAnalyzer")
        || IsTrue(options, "build_property.PublishAot") || IsTrue(options, "build_property.PublishTrimmed") || IsTrue(options, "build_property.IsAotCompatible");

    public static bool IsJsonContext(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.ToDisplayString() == ContextTypeName)
            {
                return true;
            }
        }

        return false;
    }

    public static void Report(
        CompilationAnalysisContext context,
        IEnumerable<(string Method, ITypeSymbol Payload, ITypeSymbol? Output, Location PayloadLocation, Location OutputLocation)> tasks,
        IReadOnlyList<INamedTypeSymbol> contexts)
    {
        var ordered = contexts.OrderBy(c => c.ToDisplayString()).ToList();
        var covered = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var jsonContext in ordered)
        {
            foreach (var attribute in jsonContext.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() == SerializableAttributeName
                    && attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is ITypeSymbol root)
                {
                    AddReachable(root, covered, depth: 0);
                }
            }
        }

        var target = ordered.FirstOrDefault();
        var contextName = target is null
            ? "a JsonSerializerContext (this project has none: declare one and set TasksClientOptions.JsonSerializerOptions.TypeInfoResolver to it)"
            : string.Join(" or ", ordered.Select(c => $"'{c.Name}'"));
        var additional = target?.DeclaringSyntaxReferences.Select(r => Location.Create(r.SyntaxTree, r.Span)).Take(1).ToArray() ?? [];
        var reported = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var (method, payload, output, payloadLocation, outputLocation) in tasks)
        {
            Check(payload, "payload", payloadLocation);
            if (output is not null)
            {
                Check(output, "output", outputLocation);
            }

            void Check(ITypeSymbol type, string role, Location location)
            {
                var normalized = Normalize(type);
                if (covered.Contains(normalized) || !reported.Add(normalized))
                {
                    return;
                }

                var properties = ImmutableDictionary<string, string?>.Empty.Add(TypeNameProperty, normalized.ToDisplayString(TypeOfFormat));
                context.ReportDiagnostic(Diagnostic.Create(
                    TaskDiagnostics.MissingFromJsonContext,
                    location,
                    additional,
                    properties,
                    normalized.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
                    method,
                    role,
                    contextName));
            }
        }
    }

    private static void AddReachable(ITypeSymbol type, HashSet<ITypeSymbol> covered, int depth)
    {
        type = Normalize(type);
        if (depth > 16 || !covered.Add(type))
        {
            return;
        }

        switch (type)
        {
            case IArrayTypeSymbol array:
                AddReachable(array.ElementType, covered, depth + 1);
                break;
            case INamedTypeSymbol named:
                foreach (var argument in named.TypeArguments)
                {
                    AddReachable(argument, covered, depth + 1);
                }

                if (named.SpecialType != SpecialType.None || named.TypeKind == TypeKind.Enum)
                {
                    break;
                }

                foreach (var property in named.GetMembers().OfType<IPropertySymbol>())
                {
                    if (!property.IsStatic && property.DeclaredAccessibility == Accessibility.Public && !property.IsIndexer)
                    {
                        AddReachable(property.Type, covered, depth + 1);
                    }
                }

                break;
        }
    }

    // string? and string are one JSON type; so are the type with and without its nullable annotation.
    private static ITypeSymbol Normalize(ITypeSymbol type) => type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);

    private static bool IsTrue(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && string.Equals(value?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);
}
