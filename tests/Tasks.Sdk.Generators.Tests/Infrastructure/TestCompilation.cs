using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.DependencyInjection;
using Tasks.Sdk;

namespace Tasks.Sdk.Generators.Tests.Infrastructure;

/// <summary>Builds a compilation of test sources against .NET 10 reference assemblies, the SDK and DI.</summary>
internal static class TestCompilation
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly MetadataReference[] References =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(TaskDefinition).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(IServiceCollection).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(ServiceCollectionContainerBuilderExtensions).Assembly.Location),
    ];

    /// <summary>Sources are named <c>Source0.cs</c>, <c>Source1.cs</c>… in the order given.</summary>
    public static CSharpCompilation Create(params string[] sources) =>
        CSharpCompilation.Create(
            "UserTasks",
            sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, ParseOptions, path: $"Source{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>The same sources without the SDK, as in a project that references the generator but not Tasks.Sdk.</summary>
    public static CSharpCompilation CreateWithoutSdk(params string[] sources) =>
        Create(sources).RemoveReferences(References.Skip(Basic.Reference.Assemblies.Net100.References.All.Count()));
}
