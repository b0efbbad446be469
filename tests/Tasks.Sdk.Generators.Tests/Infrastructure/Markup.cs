using Microsoft.CodeAnalysis.Text;

namespace Tasks.Sdk.Generators.Tests.Infrastructure;

/// <summary>Source with the expected diagnostic span marked <c>[|like this|]</c>.</summary>
internal static class Markup
{
    public static (string Source, TextSpan Span) Parse(string markup)
    {
        var start = markup.IndexOf("[|", StringComparison.Ordinal);
        var end = markup.IndexOf("|]", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "The markup has no [| |] span.");
        var source = markup[..start] + markup[(start + 2)..end] + markup[(end + 2)..];
        return (source, TextSpan.FromBounds(start, end - 2));
    }
}
