namespace Tasks.Sdk.Generators.Models;

/// <summary>The typed client generated for one task class: <c>I{Class}Client</c> and <c>{Class}Client</c>.</summary>
/// <param name="TaskClass">The class whose tasks the client triggers.</param>
/// <param name="IsPublic">Whether the client may be public (every task's types are).</param>
/// <param name="Properties">One property per task, in declaration order.</param>
internal sealed record TaskClientModel(TaskClassModel TaskClass, bool IsPublic, EquatableArray<ClientPropertyModel> Properties)
{
    public string InterfaceName => $"I{TaskClass.ClientBaseName}Client";

    public string ClassName => $"{TaskClass.ClientBaseName}Client";

    public string InterfaceFullName => Qualify(InterfaceName);

    public string ClassFullName => Qualify(ClassName);

    /// <summary>Unique per assembly because client names are checked for collisions while grouping.</summary>
    public string HintName => (TaskClass.Namespace.Length == 0 ? ClassName : $"{TaskClass.Namespace}.{ClassName}").Replace("@", string.Empty) + ".g.cs";

    private string Qualify(string name) => TaskClass.Namespace.Length == 0 ? $"global::{name}" : $"global::{TaskClass.Namespace}.{name}";
}
