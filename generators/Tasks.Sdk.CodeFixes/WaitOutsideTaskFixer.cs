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
using Microsoft.CodeAnalysis.Simplification;
using Tasks.Sdk.Analyzers.Diagnostics;

namespace Tasks.Sdk.CodeFixes;

/// <summary>
/// TASK100 fixes: add a TaskContext parameter to the enclosing method (so only a task can call it), or, when the wait's
/// result is unused, trigger without waiting (TriggerAsync / BatchTriggerAsync).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WaitOutsideTaskFixer)), Shared]
public sealed class WaitOutsideTaskFixer : CodeFixProvider
{
    private static readonly TypeSyntax TaskContextType =
        SyntaxFactory.ParseTypeName("global::Tasks.Sdk.TaskContext").WithAdditionalAnnotations(Simplifier.Annotation);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticIds.WaitOutsideTask];

    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not { } node
            || node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation)
        {
            return;
        }

        var diagnostic = context.Diagnostics[0];
        var method = invocation.Ancestors().FirstOrDefault(a => a is MethodDeclarationSyntax or LocalFunctionStatementSyntax);
        if (method is not null)
        {
            var name = method is MethodDeclarationSyntax m ? m.Identifier.Text : ((LocalFunctionStatementSyntax)method).Identifier.Text;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Add a TaskContext parameter to '{name}'",
                    ct => AddTaskContextParameterAsync(context.Document, root, method, ct),
                    equivalenceKey: "AddTaskContextParameter"),
                diagnostic);
        }

        if (ResultIsUnused(invocation) && TriggerOnlyName(invocation) is { } triggerName)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Use {triggerName} (the result is not used)",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(RenameCall(root, invocation, triggerName))),
                    equivalenceKey: "UseTriggerAsync"),
                diagnostic);
        }
    }

    private static Task<Document> AddTaskContextParameterAsync(Document document, SyntaxNode root, SyntaxNode method, CancellationToken cancellationToken)
    {
        var parameters = method is MethodDeclarationSyntax m ? m.ParameterList : ((LocalFunctionStatementSyntax)method).ParameterList;
        var context = SyntaxFactory.Parameter(SyntaxFactory.Identifier("context")).WithType(TaskContextType);

        // Before a CancellationToken, an optional parameter or params, which must stay last.
        var index = parameters.Parameters.IndexOf(p =>
            p.Default is not null
            || p.Modifiers.Any(SyntaxKind.ParamsKeyword)
            || p.Type?.ToString() is "CancellationToken" or "System.Threading.CancellationToken");
        var updated = index < 0 ? parameters.Parameters.Add(context) : parameters.Parameters.Insert(index, context);
        var newRoot = root.ReplaceNode(parameters, parameters.WithParameters(updated));
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(document.WithSyntaxRoot(newRoot));
    }

    /// <summary>The call is a statement of its own, or awaited as one: nothing reads what the wait returns.</summary>
    private static bool ResultIsUnused(InvocationExpressionSyntax invocation)
    {
        SyntaxNode expression = invocation;
        while (expression.Parent is ParenthesizedExpressionSyntax or AwaitExpressionSyntax)
        {
            expression = expression.Parent;
        }

        return expression.Parent is ExpressionStatementSyntax;
    }

    private static string? TriggerOnlyName(InvocationExpressionSyntax invocation) => MethodName(invocation)?.Identifier.Text switch
    {
        "TriggerAndWaitAsync" => "TriggerAsync",
        "BatchTriggerAndWaitAsync" => "BatchTriggerAsync",
        _ => null,
    };

    private static SimpleNameSyntax? MethodName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name,
        MemberBindingExpressionSyntax binding => binding.Name,
        SimpleNameSyntax name => name,
        _ => null,
    };

    private static SyntaxNode RenameCall(SyntaxNode root, InvocationExpressionSyntax invocation, string newName)
    {
        var name = MethodName(invocation)!;
        return root.ReplaceToken(name.Identifier, SyntaxFactory.Identifier(newName).WithTriviaFrom(name.Identifier));
    }
}
