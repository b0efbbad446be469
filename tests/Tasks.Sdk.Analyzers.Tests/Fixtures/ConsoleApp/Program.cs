using Microsoft.Extensions.DependencyInjection;
using Tasks.Sdk;

// IGreetingsClient and AddGeneratedTasks exist only if the package's generator ran.
var services = new ServiceCollection().AddTasksClient(o => o.SecretKey = Environment.GetEnvironmentVariable("TRIGGER_SECRET_KEY")).AddGeneratedTasks();
Console.WriteLine(typeof(IGreetingsClient).Name + " " + services.Count);

public sealed record Greet(string Name);

public sealed class Greetings
{
    [Task("greet")]
    public static Task<string> GreetAsync(Greet payload, TaskContext context, CancellationToken cancellationToken) =>
        Task.FromResult($"Hello, {payload.Name} ({context.RunId})");
}
