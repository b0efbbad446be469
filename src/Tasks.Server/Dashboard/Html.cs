using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;

namespace Tasks.Server.Dashboard;

/// <summary>HTML that is already safe to write as it is (built by <see cref="Html.Of"/> or from literals).</summary>
internal readonly record struct Markup(string Value)
{
    public static readonly Markup Empty = new("");

    public override string ToString() => Value;
}

/// <summary>
/// Safe-by-default templating: in <c>Html.Of($"&lt;td&gt;{run.TaskId}&lt;/td&gt;")</c> the literal parts are markup and every
/// hole is HTML-encoded, unless it is already <see cref="Markup"/>. Nothing a user typed can become markup by accident.
/// </summary>
internal static class Html
{
    public static Markup Of([InterpolatedStringHandlerArgument] ref HtmlHandler html) => new(html.ToStringAndClear());

    public static Markup Join(IEnumerable<Markup> parts) => new(string.Concat(parts.Select(p => p.Value)));

    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? "");
}

[InterpolatedStringHandler]
internal ref struct HtmlHandler(int literalLength, int formattedCount)
{
    private readonly StringBuilder _builder = new(literalLength + formattedCount * 16);

    public readonly void AppendLiteral(string literal) => _builder.Append(literal);

    public readonly void AppendFormatted(Markup markup) => _builder.Append(markup.Value);

    public readonly void AppendFormatted(IEnumerable<Markup> markup)
    {
        foreach (var part in markup)
        {
            _builder.Append(part.Value);
        }
    }

    public readonly void AppendFormatted<T>(T value) =>
        _builder.Append(Html.Encode(value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value?.ToString()));

    public readonly string ToStringAndClear() => _builder.ToString();
}
