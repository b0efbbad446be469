namespace Tasks.Sdk;

/// <summary>Marks an API that suspends the calling run until other runs finish, so it is valid only inside a running task. Analyzers match on it.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class WaitsForRunAttribute : Attribute;
