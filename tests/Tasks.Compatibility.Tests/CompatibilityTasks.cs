using Tasks.Sdk;

namespace Tasks.Compatibility.Tests;

public sealed record Person(string Name, DateTimeOffset? When);

public sealed record Hello(string Greeting, string? Source);

public sealed record SlowPayload(int Ms);

public sealed record BigPayload(string Text);

public sealed record Failure(string Reason);

/// <summary>The C# side of the compatibility suite: tasks the Node client triggers.</summary>
public static class CompatibilityTasks
{
    [Task("hello")]
    public static Task<Hello> HelloAsync(Person person, TaskContext ctx) =>
        Task.FromResult(new Hello($"Hello, {person.Name}", ctx.Metadata["source"]?.GetValue<string>()));

    [Task("shout")]
    public static Task<string> ShoutAsync(string text) => Task.FromResult(text.ToUpperInvariant());

    [Task("square")]
    public static Task<int> SquareAsync(int value) => Task.FromResult(value * value);

    [Task("slow", MaxAttempts = 1)]
    public static async Task<int> SlowAsync(SlowPayload payload, CancellationToken ct)
    {
        await Task.Delay(payload.Ms, ct);
        return payload.Ms;
    }

    [Task("measure")]
    public static Task<int> MeasureAsync(BigPayload payload) => Task.FromResult(payload.Text.Length);

    [Task("fails", MaxAttempts = 1)]
    public static Task<int> FailAsync(Failure payload) => throw new InvalidOperationException($"Failed on purpose: {payload.Reason}");
}
