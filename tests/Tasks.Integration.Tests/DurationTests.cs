using Tasks.Sdk;

namespace Tasks.Integration.Tests;

/// <summary>Trigger.dev duration strings, as the SDK and the server read them (the generator compiles the same grammar).</summary>
public sealed class DurationTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("30s", 30_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("2d", 172_800_000)]
    [InlineData("1w", 604_800_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData(" 90 ", 90_000)]
    public void Durations_read_numbers_with_units_and_bare_seconds(string text, long milliseconds)
    {
        Assert.True(Durations.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10x")]
    [InlineData("s")]
    [InlineData("-5")]
    [InlineData("5 s")]
    [InlineData("99999999999999999w")]
    public void Anything_else_is_not_a_duration(string text)
    {
        Assert.False(Durations.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Durations.Parse(text));
    }
}
