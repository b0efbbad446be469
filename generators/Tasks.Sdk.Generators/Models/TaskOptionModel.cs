namespace Tasks.Sdk.Generators.Models;

/// <summary>One named argument of <c>[Task]</c>, copied into the <c>TaskOptions</c> initializer.</summary>
/// <param name="Name">The property name (identical on the attribute and on <c>TaskOptions</c>).</param>
/// <param name="Literal">The value as a C# literal, already escaped.</param>
internal sealed record TaskOptionModel(string Name, string Literal);
