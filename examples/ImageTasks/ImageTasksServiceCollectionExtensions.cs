using Examples.Images;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The public entry point of this task implementation library.</summary>
public static class ImageTasksServiceCollectionExtensions
{
    /// <summary>
    /// Runs the <see cref="IImageTasks"/> contract in this process with <see cref="ImageTasks"/>: the contract's generated
    /// <c>AddImageTasks&lt;TImplementation&gt;()</c> registers the implementation, the dispatch entries and the typed client;
    /// this adds the services the implementation uses. A worker calls it with <c>AddTasksWorker()</c>.
    /// </summary>
    public static IServiceCollection AddImageProcessing(this IServiceCollection services)
    {
        services.AddImageTasks<ImageTasks>();
        services.TryAddSingleton<IThumbnailer, SimulatedThumbnailer>();
        return services;
    }
}
