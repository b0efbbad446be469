namespace Tasks.Sdk.Generators.Models;

/// <summary>One task's property on a generated client.</summary>
/// <param name="Name">The property name.</param>
/// <param name="TaskId">The task identifier it triggers.</param>
/// <param name="PayloadType">Fully qualified payload type.</param>
/// <param name="OutputType">Fully qualified output type, or null for a task without output.</param>
/// <param name="MethodCref">The task method as a <c>cref</c>, for go-to-definition from the doc comment.</param>
/// <param name="Summary">The task method's summary lines, copied into the property's doc comment.</param>
internal sealed record ClientPropertyModel(string Name, string TaskId, string PayloadType, string? OutputType, string MethodCref, EquatableArray<string> Summary);
