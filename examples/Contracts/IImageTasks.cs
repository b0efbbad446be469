using Tasks.Sdk;

namespace Examples.Images;

/// <summary>
/// The image tasks as a contract: ids, options and signatures, no implementation. The worker implements it
/// (<c>ImageTasks</c> in examples/ImageTasks) and runs it with <c>services.AddImageTasks&lt;ImageTasks&gt;()</c>; the backend
/// triggers it through the generated <see cref="IImageTasksClient"/> with <c>services.AddImageTasksClient()</c>.
/// </summary>
public interface IImageTasks
{
    /// <summary>One image. Runs share the "images" queue, at most two at a time across all workers; up to three attempts.</summary>
    [Task("resize-image", Queue = "images", ConcurrencyLimit = 2, MaxAttempts = 3, MinRetryDelay = "500ms")]
    Task<Thumbnail> ResizeAsync(ResizeRequest request, TaskContext ctx, CancellationToken ct);

    /// <summary>
    /// A parent run: waits on the cover, then on a batch of one thumbnail per photo. While it waits it is suspended on the
    /// server and holds no slot of the "images" queue, so its children can use both.
    /// </summary>
    [Task("resize-album", MaxDuration = "5m")]
    Task<AlbumResult> ResizeAlbumAsync(AlbumRequest album, TaskContext ctx, CancellationToken ct);
}
