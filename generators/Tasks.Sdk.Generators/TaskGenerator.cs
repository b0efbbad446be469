using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tasks.Sdk.Generators.Emitting;
using Tasks.Sdk.Generators.Grouping;
using Tasks.Sdk.Generators.Parsing;

namespace Tasks.Sdk.Generators;

/// <summary>
/// The pipeline: parse each <c>[Task]</c> method into an equatable model, group the valid ones into a catalog, then emit a
/// typed client per task class or contract interface, a registration class per contract, the dispatch table and
/// <c>AddGeneratedTasks</c>. Invalid declarations are skipped silently: <see cref="TaskAnalyzer"/> reports them, from the
/// same parser. Each step is named for the caching tests.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TaskGenerator : IIncrementalGenerator
{
    /// <summary>The attribute that marks a task method.</summary>
    public const string TaskAttributeName = "Tasks.Sdk.TaskAttribute";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var catalog = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                TaskAttributeName,
                static (node, _) => node is MethodDeclarationSyntax,
                TaskMethodParser.ParseModel)
            .WithTrackingName(TrackingNames.ParsedTasks)
            .Where(static task => task is not null)
            .Select(static (task, _) => task!)
            .WithTrackingName(TrackingNames.ValidTasks)
            .Collect()
            .Select(static (tasks, _) => TaskCatalogBuilder.Build(tasks))
            .WithTrackingName(TrackingNames.Catalog);

        var clients = catalog.SelectMany(static (c, _) => c.Clients).WithTrackingName(TrackingNames.Clients);
        context.RegisterSourceOutput(clients, static (spc, client) => spc.AddSource(client.HintName, ClientEmitter.Emit(client)));

        // Without the SDK there is nothing to dispatch to, and the table and registrations would not compile.
        var sdkReferenced = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName("Tasks.Sdk.TaskDefinition") is not null)
            .WithTrackingName(TrackingNames.SdkReferenced);

        var contracts = catalog.SelectMany(static (c, _) => c.Contracts).WithTrackingName(TrackingNames.Contracts).Combine(sdkReferenced);
        context.RegisterSourceOutput(contracts, static (spc, input) =>
        {
            if (input.Right)
            {
                spc.AddSource(input.Left.HintName, ContractEmitter.Emit(input.Left));
            }
        });

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
