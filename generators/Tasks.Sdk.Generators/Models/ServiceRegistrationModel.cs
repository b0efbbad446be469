namespace Tasks.Sdk.Generators.Models;

/// <summary>What <c>AddGeneratedTasks</c> registers besides the task definitions.</summary>
/// <param name="TaskClasses">Fully qualified classes with instance tasks, registered scoped.</param>
/// <param name="Clients">Generated clients, registered as singletons behind their interfaces.</param>
internal sealed record ServiceRegistrationModel(EquatableArray<string> TaskClasses, EquatableArray<ClientRegistrationModel> Clients);

/// <summary>One generated client's interface and implementation, fully qualified.</summary>
internal sealed record ClientRegistrationModel(string InterfaceFullName, string ClassFullName);
