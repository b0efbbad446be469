using System.Collections.Generic;
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
using Tasks.Sdk.Analyzers.Diagnostics;

namespace Tasks.Sdk.CodeFixes;

/// <summary>
/// TASK101 fix: <c>await Task.WhenAll(c.TriggerAndWaitAsync(a), c.TriggerAndWaitAsync(b))</c> and
/// <c>await Task.WhenAll(xs.Select(x => c.TriggerAndWaitAsync(P(x))))</c> over one task's client become one
/// <c>c.BatchTriggerAndWaitAsync(...)</c>. Where the results were read, they come from the batch's <c>Runs</c>, in item order.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ParallelWaitFixer)), Shared]
public sealed class ParallelWaitFixer : CodeFixProvider
{
    private const string Wait = "TriggerAndWaitAsync";
    private const string BatchWait = "BatchTriggerAndWaitAsync";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticIds.ParallelWaits];

    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not { } node)
        {
            return;
        }

        var whenAll = node.Ancestors().OfType<InvocationExpressionSyntax>().FirstOrDefault(IsWhenAll);
        if (whenAll?.Parent is not AwaitExpressionSyntax awaited || BuildBatchCall(whenAll) is not { } batch)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                $"Wait on all runs with one {BatchWait}",
                ct => ReplaceAsync(context.Document, root, awaited, batch, ct),
                equivalenceKey: nameof(ParallelWaitFixer)),
            context.Diagnostics);
    }

    private static Task<Document> ReplaceAsync(Document document, SyntaxNode root, AwaitExpressionSyntax awaited, InvocationExpressionSyntax batch, CancellationToken cancellationToken)
    {
        ExpressionSyntax replacement = SyntaxFactory.AwaitExpression(batch);
        if (awaited.Parent is not ExpressionStatementSyntax)
        {
            // The results are read: keep them a list in item order.
            replacement = SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                SyntaxFactory.ParenthesizedExpression(replacement),
                SyntaxFactory.IdentifierName("Runs"));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var newRoot = root.ReplaceNode(awaited, replacement.WithTriviaFrom(awaited).WithAdditionalAnnotations(Formatter.Annotation));
        return Task.FromResult(document.WithSyntaxRoot(newRoot));
    }

    private static bool IsWhenAll(InvocationExpressionSyntax invocation) =>
        invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.Text: "WhenAll" };

    /// <summary>The one batch call that replaces the WhenAll, or null when its waits are not all one client's TriggerAndWaitAsync.</summary>
    private static InvocationExpressionSyntax? BuildBatchCall(InvocationExpressionSyntax whenAll)
    {
        var arguments = whenAll.ArgumentList.Arguments;

        // Task.WhenAll(items.Select(x => client.TriggerAndWaitAsync(payload[, ct])))
        if (arguments.Count == 1
            && arguments[0].Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.Text: "Select" } select } selectCall
            && selectCall.ArgumentList.Arguments.Count == 1
            && selectCall.ArgumentList.Arguments[0].Expression is SimpleLambdaExpressionSyntax { ExpressionBody: InvocationExpressionSyntax body } lambda
            && AsWait(body) is var (client, payload, extra))
        {
            var payloads = selectCall.ReplaceNode(lambda, lambda.WithExpressionBody(payload.WithoutTrivia()));
            return Batch(client, payloads, extra);
        }

        // Task.WhenAll(client.TriggerAndWaitAsync(a[, ct]), client.TriggerAndWaitAsync(b[, ct]), ...)
        var waits = arguments.Select(a => a.Expression is InvocationExpressionSyntax call ? AsWait(call) : null).ToList();
        if (waits.Count < 2 || waits.Any(w => w is null))
        {
            return null;
        }

        var (first, _, firstExtra) = waits[0]!.Value;
        if (waits.Any(w => !SyntaxFactory.AreEquivalent(w!.Value.Client, first) || !SameArguments(w.Value.Extra, firstExtra)))
        {
            return null;
        }

        var collection = SyntaxFactory.CollectionExpression(SyntaxFactory.SeparatedList<CollectionElementSyntax>(
            waits.Select(w => SyntaxFactory.ExpressionElement(w!.Value.Payload.WithoutTrivia()))));
        return Batch(first, collection, firstExtra);
    }

    /// <summary>Splits <c>client.TriggerAndWaitAsync(payload, rest...)</c>; null for any other call.</summary>
    private static (ExpressionSyntax Client, ExpressionSyntax Payload, IReadOnlyList<ArgumentSyntax> Extra)? AsWait(InvocationExpressionSyntax call) =>
        call.Expression is MemberAccessExpressionSyntax { Name.Identifier.Text: Wait } member
        && call.ArgumentList.Arguments.Count >= 1
        && call.ArgumentList.Arguments[0].NameColon is null
            ? (member.Expression, call.ArgumentList.Arguments[0].Expression, call.ArgumentList.Arguments.Skip(1).ToList())
            : null;

    private static bool SameArguments(IReadOnlyList<ArgumentSyntax> a, IReadOnlyList<ArgumentSyntax> b) =>
        a.Count == b.Count && a.Zip(b, (x, y) => SyntaxFactory.AreEquivalent(x, y)).All(same => same);

    private static InvocationExpressionSyntax Batch(ExpressionSyntax client, ExpressionSyntax payloads, IReadOnlyList<ArgumentSyntax> extra) =>
        SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, client.WithoutTrivia(), SyntaxFactory.IdentifierName(BatchWait)),
            SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(
                new[] { SyntaxFactory.Argument(payloads) }.Concat(extra.Select(e => e.WithoutTrivia())))));
}
