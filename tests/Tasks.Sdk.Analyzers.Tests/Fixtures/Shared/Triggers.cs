namespace Shared;

/// <summary>A shared library that triggers tasks: fine on a server, not in a browser.</summary>
public static class Triggers
{
    public static Type Client => typeof(Tasks.Sdk.TasksClient);
}
