using System.Text;

namespace Tasks.Sdk;

/// <summary>Trigger.dev's duration strings: a sequence of number+unit pairs, <c>"500ms"</c>, <c>"30s"</c>, <c>"1h30m"</c>, <c>"2w"</c>.</summary>
public static class Durations
{
    /// <summary>Parses a duration; a bare number means seconds.</summary>
    /// <exception cref="FormatException">The text is not a duration.</exception>
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a duration; write e.g. \"500ms\", \"30s\", \"10m\", \"1h30m\", \"2d\" or \"1w\".");

    /// <summary>Parses a duration; a bare number means seconds.</summary>
    public static bool TryParse(string? text, out TimeSpan value) => DurationGrammar.TryParse(text, out value);

    /// <summary>Writes a duration the way Trigger.dev reads it (<c>"90s"</c>, <c>"250ms"</c>).</summary>
    public static string Format(TimeSpan value)
    {
        var builder = new StringBuilder();
        var ms = (long)Math.Round(value.TotalMilliseconds);
        if (ms % 1000 != 0)
        {
            return builder.Append(ms).Append("ms").ToString();
        }

        return builder.Append(ms / 1000).Append('s').ToString();
    }
}
