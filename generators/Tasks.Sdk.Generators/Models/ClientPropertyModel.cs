namespace Tasks.Sdk.Generators.Models;

/// <summary>One task's property on a generated client.</summary>
/// <param name="Name">The property name.</param>
/// <param name="TaskId">The task identifier it triggers.</param>
/// <param name="PayloadType">Fully qualified payload type.</param>
/// <param name="OutputType">Fully qualified output type, or null for a task without output.</param>
/// <param name="MethodDisplayName">The task method, for the doc comment.</param>
internal sealed record ClientPropertyModel(string Name, string TaskId, string PayloadType, string? OutputType, string MethodDisplayName);
