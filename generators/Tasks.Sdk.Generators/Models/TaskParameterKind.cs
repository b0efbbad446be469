namespace Tasks.Sdk.Generators.Models;

/// <summary>What the dispatcher passes for one parameter of a task method.</summary>
internal enum TaskParameterKind
{
    /// <summary>The deserialized payload.</summary>
    Payload,

    /// <summary><c>invocation.Context</c>.</summary>
    Context,

    /// <summary><c>invocation.CancellationToken</c>.</summary>
    CancellationToken,
}
