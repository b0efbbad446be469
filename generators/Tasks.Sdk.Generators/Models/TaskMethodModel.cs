namespace Tasks.Sdk.Generators.Models;

/// <summary>Everything the emitters need about one valid <c>[Task]</c> method, as plain strings (no symbols, so it caches).</summary>
/// <param name="TaskId">The task identifier.</param>
/// <param name="MethodName">The method's name, escaped if it is a keyword.</param>
/// <param name="PropertyName">The client property: the method name without a trailing <c>Async</c>.</param>
/// <param name="ContainingType">The class or contract interface holding the method.</param>
/// <param name="IsStatic">Whether the method is static (else the class is resolved from the run's scope).</param>
/// <param name="IsPublic">Whether the class and the payload and output types are all public, so the client may be.</param>
/// <param name="PayloadType">Fully qualified payload type.</param>
/// <param name="OutputType">Fully qualified output type, or null for <c>Task</c>/<c>ValueTask</c>.</param>
/// <param name="Parameters">The method's parameters in declared order.</param>
/// <param name="Options">The attribute's named arguments in source order.</param>
/// <param name="Cref">The method as a doc-comment <c>cref</c> (parameter types included, so overloads do not make it ambiguous).</param>
/// <param name="Summary">The method's own <c>&lt;summary&gt;</c>, as doc-comment lines, or empty.</param>
internal sealed record TaskMethodModel(
    string TaskId,
    string MethodName,
    string PropertyName,
    TaskClassModel ContainingType,
    bool IsStatic,
    bool IsPublic,
    string PayloadType,
    string? OutputType,
    EquatableArray<TaskParameterKind> Parameters,
    EquatableArray<TaskOptionModel> Options,
    string Cref,
    EquatableArray<string> Summary)
{
    /// <summary>How diagnostics and doc comments name the method: <c>Outer.Inner.ResizeAsync</c>.</summary>
    public string DisplayName => $"{ContainingType.DisplayName}.{MethodName}";
}
