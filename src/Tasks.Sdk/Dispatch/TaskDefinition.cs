namespace Tasks.Sdk;

/// <summary>Runs one attempt of a task: deserializes the payload, invokes the method, serializes the output (null when the task returns none).</summary>
public delegate ValueTask<string?> TaskInvoker(TaskInvocation invocation);

/// <summary>One entry of the generated dispatch table: a task's id, its options and how to invoke it without reflection.</summary>
/// <param name="Id">The task identifier.</param>
/// <param name="Options">The options declared on the task.</param>
/// <param name="Invoke">The generated invoker.</param>
public sealed record TaskDefinition(string Id, TaskOptions Options, TaskInvoker Invoke);
