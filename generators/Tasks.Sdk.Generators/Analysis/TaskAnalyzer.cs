using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Tasks.Sdk.Generators.Diagnostics;
using Tasks.Sdk.Generators.Grouping;
using Tasks.Sdk.Generators.Models;
using Tasks.Sdk.Generators.Parsing;

namespace Tasks.Sdk.Generators.Analysis;

/// <summary>
/// Reports every <c>[Task]</c> declaration the generator skips, with the generator's own parser and grouping, so the two never
/// disagree: per method as it is analyzed (signature, reachability, id, options, serializability), and at the end of the
/// compilation what shows only across methods (duplicate ids, colliding generated names, types missing from the JSON context).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TaskAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
    [
        TaskDiagnostics.UnsupportedSignature,
        TaskDiagnostics.UnreachableTask,
        TaskDiagnostics.DuplicateTaskId,
        TaskDiagnostics.InvalidTaskId,
        TaskDiagnostics.GeneratedNameCollision,
        TaskDiagnostics.InvalidOptionValue,
        TaskDiagnostics.UnserializableType,
        TaskDiagnostics.MissingFromJsonContext,
    ];

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var attributeType = start.Compilation.GetTypeByMetadataName(TaskGenerator.TaskAttributeName);
            if (attributeType is null)
            {
                return;
            }

            var known = new KnownTypes(start.Compilation);
            var tasks = new ConcurrentBag<ParsedTask>();
            var contexts = new ConcurrentBag<INamedTypeSymbol>();
            var checkJson = JsonContextCoverage.IsTrimmedOrAot(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions);

            start.RegisterSymbolAction(
                symbol => AnalyzeMethod(symbol, attributeType, known, tasks),
                SymbolKind.Method);
            if (checkJson)
            {
                start.RegisterSymbolAction(
                    symbol =>
                    {
                        if (JsonContextCoverage.IsJsonContext((INamedTypeSymbol)symbol.Symbol))
                        {
                            contexts.Add((INamedTypeSymbol)symbol.Symbol);
                        }
                    },
                    SymbolKind.NamedType);
            }

            start.RegisterCompilationEndAction(end =>
            {
                var ordered = Order(tasks, end.Compilation);
                ReportRejections(end, ordered);
                if (checkJson)
                {
                    JsonContextCoverage.Report(end, ordered.Select(t => (t.Model.DisplayName, t.Payload, t.Output, t.PayloadLocation, t.OutputLocation)), contexts.ToList());
                }
            });
        });
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, INamedTypeSymbol attributeType, KnownTypes known, ConcurrentBag<ParsedTask> tasks)
    {
        var method = (IMethodSymbol)context.Symbol;
        foreach (var attribute in method.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                continue;
            }

            var result = TaskMethodParser.Parse(method, attribute, known, context.CancellationToken);
            foreach (var problem in result.Problems)
            {
                context.ReportDiagnostic(problem);
            }

            if (result.Task is { } task)
            {
                var syntax = method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken) as MethodDeclarationSyntax;
                var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) as AttributeSyntax;
                var methodLocation = syntax?.Identifier.GetLocation() ?? method.Locations[0];
                var payload = method.Parameters.First(p => !KnownTypes.Is(p.Type, known.TaskContext) && !KnownTypes.Is(p.Type, known.CancellationToken));
                tasks.Add(new ParsedTask(
                    task,
                    methodLocation,
                    AttributeLocations.Id(attributeSyntax) ?? methodLocation,
                    payload.Type,
                    payload.Locations.FirstOrDefault() ?? methodLocation,
                    (method.ReturnType as INamedTypeSymbol) is { IsGenericType: true } generic ? generic.TypeArguments[0] : null,
                    syntax?.ReturnType.GetLocation() ?? methodLocation));
            }
        }
    }

    // The generator sees tasks in syntax-tree order, then by position; order them the same way so "first" means the same.
    private static List<ParsedTask> Order(IEnumerable<ParsedTask> tasks, Compilation compilation)
    {
        var treeIndex = new Dictionary<SyntaxTree, int>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            treeIndex[tree] = treeIndex.Count;
        }

        return tasks
            .OrderBy(t => t.MethodLocation.SourceTree is { } tree && treeIndex.TryGetValue(tree, out var index) ? index : int.MaxValue)
            .ThenBy(t => t.MethodLocation.SourceSpan.Start)
            .ToList();
    }

    private static void ReportRejections(CompilationAnalysisContext context, List<ParsedTask> ordered)
    {
        var catalog = TaskCatalogBuilder.Build(ordered.Select(t => t.Model).ToImmutableArray());
        foreach (var rejection in catalog.Rejections)
        {
            var task = ordered[rejection.Index];
            context.ReportDiagnostic(rejection.Kind == TaskRejectionKind.DuplicateId
                ? Diagnostic.Create(TaskDiagnostics.DuplicateTaskId, task.IdLocation, rejection.Name, rejection.KeptBy, task.Model.DisplayName)
                : Diagnostic.Create(TaskDiagnostics.GeneratedNameCollision, task.MethodLocation, rejection.Name, rejection.KeptBy, task.Model.DisplayName));
        }
    }

    private sealed record ParsedTask(
        TaskMethodModel Model,
        Location MethodLocation,
        Location IdLocation,
        ITypeSymbol Payload,
        Location PayloadLocation,
        ITypeSymbol? Output,
        Location OutputLocation);
}
