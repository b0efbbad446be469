namespace Tasks.Sdk.Generators.Models;

/// <summary>The class that declares task methods.</summary>
/// <param name="FullName">Fully qualified with <c>global::</c>, for generated code.</param>
/// <param name="DisplayName">Type names from the outermost, dot-separated (<c>Outer.Inner</c>), for messages.</param>
/// <param name="Namespace">The containing namespace (escaped), empty for the global namespace.</param>
/// <param name="ClientBaseName">The outer type names concatenated (<c>OuterInner</c>), the stem of the client's names.</param>
internal sealed record TaskClassModel(string FullName, string DisplayName, string Namespace, string ClientBaseName);
