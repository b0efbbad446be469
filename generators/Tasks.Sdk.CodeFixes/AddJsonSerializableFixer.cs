using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Tasks.Sdk.CodeFixes;

/// <summary>
/// TASK021 fix (reported by the generator's <c>TaskAnalyzer</c>): add <c>[JsonSerializable(typeof(T))]</c> for the missing task
/// type to the project's <c>JsonSerializerContext</c>, after its other <c>[JsonSerializable]</c> lines. The diagnostic carries
/// the type (property <c>TypeName</c>) and the context's declaration (its additional location), so the fix needs no analysis
/// of its own; without a context there is nothing to add to, and no fix is offered.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddJsonSerializableFixer)), Shared]
public sealed class AddJsonSerializableFixer : CodeFixProvider
{
    /// <summary>TaskDiagnostics.MissingFromJsonContext in Tasks.Sdk.Generators (no reference: the generator ships on its own).</summary>
    public const string DiagnosticId = "TASK021";

    /// <summary>JsonContextCoverage.TypeNameProperty in Tasks.Sdk.Generators.</summary>
    public const string TypeNameProperty = "TypeName";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticId];

    // Several missing types go into one attribute list position; fixing them one at a time keeps each edit exact.
    public override FixAllProvider? GetFixAllProvider() => null;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        if (!diagnostic.Properties.TryGetValue(TypeNameProperty, out var typeName) || typeName is null
            || diagnostic.AdditionalLocations.Count == 0
            || diagnostic.AdditionalLocations[0].SourceTree is not { } contextTree
            || context.Document.Project.Solution.GetDocument(contextTree) is not { } contextDocument)
        {
            return Task.CompletedTask;
        }

        var shortName = typeName.Replace("global::", string.Empty);
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Add [JsonSerializable(typeof({shortName}))] to the JSON context",
                ct => AddAsync(contextDocument, diagnostic.AdditionalLocations[0].SourceSpan, typeName, ct),
                equivalenceKey: "AddJsonSerializable:" + typeName),
            diagnostic);
        return Task.CompletedTask;
    }

    private static async Task<Solution> AddAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, string typeName, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root?.FindNode(span).FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } declaration)
        {
            return document.Project.Solution;
        }

        var attribute = SyntaxFactory.Attribute(
            SyntaxFactory.ParseName("global::System.Text.Json.Serialization.JsonSerializable"),
            SyntaxFactory.ParseAttributeArgumentList($"(typeof({typeName}))"));
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute))
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);

        var lists = declaration.AttributeLists;
        var lastSerializable = -1;
        for (var i = 0; i < lists.Count; i++)
        {
            if (lists[i].Attributes.Any(a => a.Name.ToString().Contains("JsonSerializable")))
            {
                lastSerializable = i;
            }
        }

        SyntaxNode updated;
        if (lastSerializable >= 0)
        {
            // Keep the new line's indentation and newline the same as the line it follows.
            var previous = lists[lastSerializable];
            var inserted = list.WithLeadingTrivia(previous.GetLeadingTrivia()).WithTrailingTrivia(previous.GetTrailingTrivia());
            updated = declaration.WithAttributeLists(lists.Insert(lastSerializable + 1, inserted));
        }
        else
        {
            // The list takes the declaration's leading trivia (doc comment, indentation); the declaration keeps its indentation.
            var leading = declaration.GetLeadingTrivia();
            var indentation = leading.Count > 0 && leading.Last().IsKind(SyntaxKind.WhitespaceTrivia) ? leading.Last() : SyntaxFactory.Whitespace(string.Empty);
            var inserted = list.WithLeadingTrivia(leading).WithTrailingTrivia(SyntaxFactory.LineFeed);
            updated = declaration.WithLeadingTrivia(indentation).WithAttributeLists(lists.Insert(0, inserted));
        }

        var changed = document.WithSyntaxRoot(root.ReplaceNode(declaration, updated));
        changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return changed.Project.Solution;
    }
}
