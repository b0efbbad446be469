using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Tasks.Sdk.Analyzers.Diagnostics;

namespace Tasks.Sdk.Analyzers.Security;

/// <summary>
/// TASK201: a string literal holding a secret key (tr_dev_, tr_prod_, tr_stg_ or tr_preview_ and 24+ letters or digits),
/// anywhere in code. Placeholders made of few distinct characters (tr_dev_xxxxxxxxxxxxxxxxxxxxxxxx) are not keys.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretKeyAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Random keys use many distinct characters; fewer than this marks a placeholder.</summary>
    private const int MinDistinctCharacters = 8;

    private static readonly Regex SecretKey = new(
        "(?<![A-Za-z0-9_])(?<prefix>tr_(?:dev|prod|stg|preview)_)(?<body>[A-Za-z0-9]{24,})",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [AnalyzerDiagnostics.SecretKeyInSource];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(
            Analyze,
            SyntaxKind.StringLiteralExpression,
            SyntaxKind.Utf8StringLiteralExpression,
            SyntaxKind.InterpolatedStringText);
    }

    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        var token = context.Node switch
        {
            LiteralExpressionSyntax literal => literal.Token,
            InterpolatedStringTextSyntax part => part.TextToken,
            _ => default,
        };
        var text = token.ValueText;
        if (text.IndexOf("tr_", StringComparison.Ordinal) < 0)
        {
            return;
        }

        foreach (Match match in SecretKey.Matches(text))
        {
            if (match.Groups["body"].Value.Distinct().Count() >= MinDistinctCharacters)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    AnalyzerDiagnostics.SecretKeyInSource, context.Node.GetLocation(), match.Groups["prefix"].Value));
                return;
            }
        }
    }
}
