using Microsoft.CodeAnalysis;

namespace Tasks.Sdk.Generators.Parsing;

/// <summary>The framework and SDK types a task signature is matched against, looked up once per method.</summary>
internal sealed class KnownTypes(Compilation compilation)
{
    public Compilation Compilation { get; } = compilation;

    public INamedTypeSymbol? TaskContext { get; } = compilation.GetTypeByMetadataName("Tasks.Sdk.TaskContext");

    public INamedTypeSymbol? CancellationToken { get; } = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");

    public INamedTypeSymbol? Task { get; } = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");

    public INamedTypeSymbol? TaskOfT { get; } = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");

    public INamedTypeSymbol? ValueTask { get; } = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");

    public INamedTypeSymbol? ValueTaskOfT { get; } = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");

    public static bool Is(ITypeSymbol type, INamedTypeSymbol? known) =>
        known is not null && SymbolEqualityComparer.Default.Equals(type, known);
}
