using System;
using System.Globalization;

namespace Tasks.Sdk;

/// <summary>
/// Trigger.dev's duration grammar (<c>"500ms"</c>, <c>"30s"</c>, <c>"1h30m"</c>, <c>"2w"</c>; a bare number means seconds),
/// in one place for the SDK and for the source generator, which compiles this file too (it targets netstandard2.0, hence the
/// plain string handling): a value the compile-time check accepts is exactly one the runtime accepts.
/// </summary>
internal static class DurationGrammar
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
            if (seconds < 0 || seconds > TimeSpan.MaxValue.TotalSeconds)
            {
                return false;
            }

            value = TimeSpan.FromSeconds(seconds);
            return true;
        }

        var i = 0;
        var ticks = 0d;
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
            while (i < text.Length && ((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= 'A' && text[i] <= 'Z')))
            {
                i++;
            }

            TimeSpan? unit = text.Substring(unitStart, i - unitStart) switch
            {
                "ms" => TimeSpan.FromMilliseconds(1),
                "s" => TimeSpan.FromSeconds(1),
                "m" => TimeSpan.FromMinutes(1),
                "h" => TimeSpan.FromHours(1),
                "d" => TimeSpan.FromDays(1),
                "w" => TimeSpan.FromDays(7),
                _ => null,
            };
            if (unit is null)
            {
                return false;
            }

            ticks += amount * unit.Value.Ticks;
        }

        if (ticks > TimeSpan.MaxValue.Ticks)
        {
            return false;
        }

        value = TimeSpan.FromTicks((long)Math.Round(ticks));
        return true;
    }
}
