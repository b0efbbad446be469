using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Refit;
using Tasks.Sdk;
using Tasks.Sdk.Http;
using Tasks.Sdk.Protocol;
using Tasks.Sdk.Worker;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SDK: <see cref="AddTasksClient"/> to trigger from anywhere, <see cref="AddTasksWorker"/> to run tasks in this process.</summary>
public static class TasksServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="TasksClient"/> (HTTP through Refit, with the standard resilience handler) so generated typed clients work.
    /// Unset options come from <c>TRIGGER_API_URL</c> / <c>TRIGGER_SECRET_KEY</c> in configuration or the environment.
    /// </summary>
    public static IServiceCollection AddTasksClient(this IServiceCollection services, Action<TasksClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<TasksClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(TasksClient)))
        {
            return services;
        }

        options.PostConfigure<IServiceProvider>(static (o, provider) => ApplyEnvironment(o, provider.GetService<IConfiguration>()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddTransient<SecretKeyHandler>();
        // No per-request HttpClient log lines or scopes: triggers are hot, and failures surface as exceptions and resilience events.
        services.AddRefitGeneratedClient<ITriggerApi>(RefitSettings)
            .ConfigureHttpClient(ConfigureBaseAddress)
            .RemoveAllLoggers()
            .AddHttpMessageHandler<SecretKeyHandler>()
            .AddStandardResilienceHandler();
        services.AddSingleton(provider => new TasksClient(
            provider.GetRequiredService<ITriggerApi>(),
            provider.GetRequiredService<IOptions<TasksClientOptions>>(),
            provider.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>
    /// Runs this process's tasks: a hosted worker that registers the tasks added with <c>AddGeneratedTasks()</c>, leases their runs
    /// over a long-poll, executes them through the generated dispatch table, heartbeats and reports results.
    /// </summary>
    public static IServiceCollection AddTasksWorker(this IServiceCollection services, Action<TasksWorkerOptions>? configure = null)
    {
        services.AddTasksClient();
        var options = services.AddOptions<TasksWorkerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(WorkerConnection)))
        {
            return services;
        }

        services.AddRefitGeneratedClient<IWorkerApi>(RefitSettings)
            .ConfigureHttpClient(ConfigureBaseAddress)
            .RemoveAllLoggers()
            .AddHttpMessageHandler<SecretKeyHandler>()
            .AddStandardResilienceHandler(WorkerProtocolResilience);
        services.AddSingleton<WorkerConnection>();
        services.AddSingleton<ActiveRuns>();
        services.AddSingleton<TaskTable>();
        services.AddSingleton<RunExecutor>();
        services.AddHostedService<TasksWorker>();
        return services;
    }

    /// <summary>Adds one task to the dispatch table. Generated <c>AddGeneratedTasks()</c> calls it for every <c>[Task]</c> method.</summary>
    public static IServiceCollection AddTaskDefinition(this IServiceCollection services, TaskDefinition definition)
    {
        services.AddSingleton(definition);
        return services;
    }

    private static RefitSettings RefitSettings(IServiceProvider _) =>
        new(new SystemTextJsonContentSerializer(new JsonSerializerOptions(ProtocolJsonContext.Default.Options)));

    private static void ConfigureBaseAddress(IServiceProvider provider, HttpClient http) =>
        http.BaseAddress = provider.GetRequiredService<IOptions<TasksClientOptions>>().Value.RequireApiUrl();

    private static void ApplyEnvironment(TasksClientOptions options, IConfiguration? configuration)
    {
        var url = configuration?["TRIGGER_API_URL"] ?? Environment.GetEnvironmentVariable("TRIGGER_API_URL");
        if (options.ApiUrl is null && !string.IsNullOrWhiteSpace(url))
        {
            options.ApiUrl = new Uri(url.TrimEnd('/') + "/");
        }

        options.SecretKey ??= configuration?["TRIGGER_SECRET_KEY"] ?? Environment.GetEnvironmentVariable("TRIGGER_SECRET_KEY");
    }

    // Leases and resumes are long-polls: each attempt may legitimately take as long as the poll.
    private static void WorkerProtocolResilience(HttpStandardResilienceOptions o)
    {
        o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(45);
        o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(90);
        o.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(2);
    }
}
