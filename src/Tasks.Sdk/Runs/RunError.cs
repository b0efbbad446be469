namespace Tasks.Sdk;

/// <summary>Why a run failed: the exception's type name, message and stack trace as recorded by the worker.</summary>
/// <param name="Message">The exception's message.</param>
/// <param name="Name">The exception's type name (e.g. <c>System.InvalidOperationException</c>).</param>
/// <param name="StackTrace">The stack trace, when the worker recorded one.</param>
public sealed record RunError(string Message, string? Name = null, string? StackTrace = null)
{
    /// <inheritdoc/>
    public override string ToString() => Name is null ? Message : $"{Name}: {Message}";
}
