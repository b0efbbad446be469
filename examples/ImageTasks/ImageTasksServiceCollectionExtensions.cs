using Examples.Images;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The public entry point of this task library.</summary>
public static class ImageTasksServiceCollectionExtensions
{
    /// <summary>
    /// Registers the image tasks (their dispatch entries and <see cref="ImageTasks"/>), the generated
    /// <see cref="IImageTasksClient"/>, and the services the tasks use. A worker calls it with <c>AddTasksWorker()</c> to run
    /// the tasks; a backend calls it with <c>AddTasksClient()</c> only to trigger them.
    /// </summary>
    public static IServiceCollection AddImageTasks(this IServiceCollection services)
    {
        // AddGeneratedTasks() is generated into this assembly as internal, hence this public wrapper.
        services.AddGeneratedTasks();
        services.TryAddSingleton<IThumbnailer, SimulatedThumbnailer>();
        return services;
    }
}
