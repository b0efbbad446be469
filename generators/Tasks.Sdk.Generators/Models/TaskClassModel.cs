namespace Tasks.Sdk.Generators.Models;

/// <summary>The class (or contract interface) that declares task methods.</summary>
/// <param name="FullName">Fully qualified with <c>global::</c>, for generated code.</param>
/// <param name="DisplayName">Type names from the outermost, dot-separated (<c>Outer.Inner</c>), for messages.</param>
/// <param name="Namespace">The containing namespace (escaped), empty for the global namespace.</param>
/// <param name="ClientBaseName">
/// The stem of the client's names: the outer type names concatenated (<c>OuterInner</c>); for a contract interface without
/// its <c>I</c> prefix (<c>IImageTasks</c> gives <c>ImageTasks</c>).
/// </param>
/// <param name="IsContract">
/// An interface whose methods carry <c>[Task]</c>: shared by a worker that implements it and services that only trigger.
/// Its tasks get a client and a registration class of their own, not entries in the assembly's dispatch table.
/// </param>
internal sealed record TaskClassModel(string FullName, string DisplayName, string Namespace, string ClientBaseName, bool IsContract);
