using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Tasks.Sdk.Generators.Tests.Infrastructure;

/// <summary>
/// Several test assemblies compiled with the generator, each against the ones before it (a contracts assembly, then a worker
/// and a backend that reference it), loaded side by side into one load context.
/// </summary>
internal sealed class CompiledAssemblies : AssemblyLoadContext
{
    private readonly Dictionary<string, Assembly> _loaded = [];
    private readonly List<MetadataReference> _references = [];

    public CompiledAssemblies()
        : base($"generated-{Guid.NewGuid():N}")
    {
    }

    /// <summary>Compiles <paramref name="sources"/> as <paramref name="name"/>, runs the generator, loads the result.</summary>
    public (Assembly Assembly, GeneratorRun Run) Add(string name, params string[] sources)
    {
        var compilation = TestCompilation.Create(sources).WithAssemblyName(name).AddReferences(_references);
        var run = GeneratorRun.Run(compilation);
        run.AssertCompiles();
        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        _references.Add(MetadataReference.CreateFromImage(image.ToArray()));
        image.Position = 0;
        var assembly = LoadFromStream(image);
        _loaded[name] = assembly;
        return (assembly, run);
    }

    /// <summary>Calls a public static method of a compiled assembly.</summary>
    public object? Call(string assembly, string type, string method, params object?[] arguments) =>
        _loaded[assembly].GetType(type, throwOnError: true)!.GetMethod(method)!.Invoke(null, arguments);

    protected override Assembly? Load(AssemblyName assemblyName) =>
        assemblyName.Name is { } name && _loaded.TryGetValue(name, out var assembly) ? assembly : null;
}
