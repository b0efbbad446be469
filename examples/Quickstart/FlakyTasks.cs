using Tasks.Sdk;

namespace Quickstart;

public sealed record Greeting(string Name);

/// <summary>Static tasks work too: no instance, no DI.</summary>
public static class FlakyTasks
{
    /// <summary>Fails on its first two attempts and succeeds on the third, to show retries with backoff.</summary>
    [Task("flaky-greeting", MaxAttempts = 3, MinRetryDelay = "200ms", RetryFactor = 2)]
    public static Task<string> GreetAsync(Greeting payload, TaskContext ctx)
    {
        if (ctx.Attempt < 3)
        {
            throw new InvalidOperationException($"Transient failure on attempt {ctx.Attempt}");
        }

        return Task.FromResult($"Hello, {payload.Name}! (attempt {ctx.Attempt})");
    }
}
