using System;
using System.Globalization;

namespace Tasks.Sdk.Generators.Validation;

/// <summary>
/// Trigger.dev duration strings (<c>"500ms"</c>, <c>"30s"</c>, <c>"1h30m"</c>, a bare number of seconds), read the way the
/// SDK's <c>Durations.TryParse</c> reads them, so a value the analyzer accepts is one the runtime accepts.
/// </summary>
internal static class DurationText
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (text is null || string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            value = TimeSpan.FromSeconds(seconds);
            return seconds >= 0;
        }

        var i = 0;
        var total = 0d;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && ((text[i] >= '0' && text[i] <= '9') || text[i] == '.'))
            {
                i++;
            }

            if (start == i || !double.TryParse(text.Substring(start, i - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }

            var unitStart = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            double? milliseconds = text.Substring(unitStart, i - unitStart) switch
            {
                "ms" => 1,
                "s" => 1_000,
                "m" => 60_000,
                "h" => 3_600_000,
                "d" => 86_400_000,
                "w" => 604_800_000,
                _ => null,
            };
            if (milliseconds is null)
            {
                return false;
            }

            total += amount * milliseconds.Value;
        }

        value = TimeSpan.FromMilliseconds(total);
        return true;
    }
}
