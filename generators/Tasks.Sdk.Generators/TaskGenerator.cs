using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tasks.Sdk.Generators.Emitting;
using Tasks.Sdk.Generators.Grouping;
using Tasks.Sdk.Generators.Models;
using Tasks.Sdk.Generators.Parsing;

namespace Tasks.Sdk.Generators;

/// <summary>
/// The pipeline: parse each <c>[Task]</c> method into an equatable model, group the valid ones into a catalog, then emit a
/// typed client per task class, the dispatch table and <c>AddGeneratedTasks</c>. Each step is named for caching tests.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TaskGenerator : IIncrementalGenerator
{
    /// <summary>The attribute that marks a task method.</summary>
    public const string TaskAttributeName = "Tasks.Sdk.TaskAttribute";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                TaskAttributeName,
                static (node, _) => node is MethodDeclarationSyntax,
                TaskMethodParser.Parse)
            .WithTrackingName(TrackingNames.ParsedTasks);

        context.RegisterSourceOutput(
            parsed.Where(static r => r.Diagnostic is not null).Select(static (r, _) => r.Diagnostic!),
            static (spc, diagnostic) => spc.ReportDiagnostic(diagnostic.ToDiagnostic()));

        var catalog = parsed
            .Where(static r => r.Task is not null)
            .Select(static (r, _) => r.Task!)
            .WithTrackingName(TrackingNames.ValidTasks)
            .Collect()
            .Select(static (tasks, _) => TaskCatalogBuilder.Build(tasks))
            .WithTrackingName(TrackingNames.Catalog);

        context.RegisterSourceOutput(catalog.Select(static (c, _) => c.Diagnostics), static (spc, diagnostics) =>
        {
            foreach (var diagnostic in diagnostics)
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        var clients = catalog.SelectMany(static (c, _) => c.Clients).WithTrackingName(TrackingNames.Clients);
        context.RegisterSourceOutput(clients, static (spc, client) => spc.AddSource(client.HintName, ClientEmitter.Emit(client)));

        // Without the SDK there is nothing to dispatch to, and the table and AddGeneratedTasks would not compile.
        var sdkReferenced = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName("Tasks.Sdk.TaskDefinition") is not null)
            .WithTrackingName(TrackingNames.SdkReferenced);

        var table = catalog.Select(static (c, _) => c.Tasks).WithTrackingName(TrackingNames.TaskTable).Combine(sdkReferenced);
        context.RegisterSourceOutput(table, static (spc, input) =>
        {
            if (input.Right)
            {
                spc.AddSource(TaskTableEmitter.HintName, TaskTableEmitter.Emit(input.Left));
            }
        });

        var registrations = catalog.Select(static (c, _) => TaskCatalogBuilder.ToServiceRegistrations(c))
            .WithTrackingName(TrackingNames.ServiceRegistrations)
            .Combine(sdkReferenced);
        context.RegisterSourceOutput(registrations, static (spc, input) =>
        {
            if (input.Right)
            {
                spc.AddSource(ServiceCollectionEmitter.HintName, ServiceCollectionEmitter.Emit(input.Left));
            }
        });
    }
}
