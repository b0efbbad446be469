using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Tasks.Sdk.Generators.Analysis;

namespace Tasks.Sdk.Generators.Tests.Infrastructure;

/// <summary>Runs <see cref="TaskAnalyzer"/> over a compilation, optionally with MSBuild properties (<c>build_property.*</c>).</summary>
internal static class AnalyzerRun
{
    public static IReadOnlyList<Diagnostic> Diagnostics(Compilation compilation, IReadOnlyDictionary<string, string>? buildProperties = null)
    {
        var options = new AnalyzerOptions([], new GlobalOptionsProvider(buildProperties ?? new Dictionary<string, string>()));
        var diagnostics = compilation
            .WithAnalyzers([new TaskAnalyzer()], options)
            .GetAnalyzerDiagnosticsAsync()
            .GetAwaiter().GetResult();
        return diagnostics.OrderBy(d => d.Location.SourceTree?.FilePath).ThenBy(d => d.Location.SourceSpan.Start).ToList();
    }

    private sealed class GlobalOptionsProvider(IReadOnlyDictionary<string, string> properties) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(properties.ToImmutableDictionary(p => "build_property." + p.Key, p => p.Value));

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;
    }

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(ImmutableDictionary<string, string>.Empty);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
