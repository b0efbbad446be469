namespace Tasks.Sdk.Generators;

/// <summary>Names of the pipeline steps, so caching tests can check each one.</summary>
internal static class TrackingNames
{
    public const string ParsedTasks = nameof(ParsedTasks);
    public const string ValidTasks = nameof(ValidTasks);
    public const string Catalog = nameof(Catalog);
    public const string Clients = nameof(Clients);
    public const string Contracts = nameof(Contracts);
    public const string TaskTable = nameof(TaskTable);
    public const string ServiceRegistrations = nameof(ServiceRegistrations);
    public const string SdkReferenced = nameof(SdkReferenced);
}
