using Microsoft.Extensions.Logging;
using Tasks.Sdk;

namespace Examples.Images;

/// <summary>
/// The tasks. Only the worker process executes them; any process that references this assembly gets the generated
/// <see cref="IImageTasksClient"/> to trigger them. The class is resolved from DI in a scope of its own per run.
/// </summary>
public sealed class ImageTasks(IThumbnailer thumbnailer, IImageTasksClient images, ILogger<ImageTasks> logger)
{
    private static readonly string ThisWorker = $"{Environment.MachineName}/pid {Environment.ProcessId}";

    /// <summary>One image. Runs share the "images" queue, at most two at a time across all workers; up to three attempts.</summary>
    [Task("resize-image", Queue = "images", ConcurrencyLimit = 2, MaxAttempts = 3, MinRetryDelay = "500ms")]
    public async Task<Thumbnail> ResizeAsync(ResizeRequest request, TaskContext ctx, CancellationToken ct)
    {
        logger.LogInformation("{RunId} resize {Url} to {Width}px (attempt {Attempt})", ctx.RunId, request.Url, request.Width, ctx.Attempt);
        var (key, bytes) = await thumbnailer.ResizeAsync(request.Url, request.Width, ct);
        return new Thumbnail(request.Url, request.Width, key, bytes, ThisWorker);
    }

    /// <summary>
    /// A parent run: waits on the cover, then on a batch of one thumbnail per photo. While it waits it is suspended on the
    /// server and holds no slot of the "images" queue, so its children can use both.
    /// </summary>
    [Task("resize-album", MaxDuration = "5m")]
    public async Task<AlbumResult> ResizeAlbumAsync(AlbumRequest album, TaskContext ctx, CancellationToken ct)
    {
        logger.LogInformation("{RunId} album {Name}: cover + {Count} photos", ctx.RunId, album.Name, album.PhotoUrls.Count);

        // Unwrap() throws TaskRunFailedException if a child failed on its last attempt, which fails this run too.
        TaskRunResult<Thumbnail> cover = await images.Resize.TriggerAndWaitAsync(new ResizeRequest(album.CoverUrl, 1200), ct);
        var coverImage = cover.Unwrap();

        BatchResult<Thumbnail> batch = await images.Resize.BatchTriggerAndWaitAsync(album.PhotoUrls.Select(url => new ResizeRequest(url, 320)), ct);
        var photos = batch.Unwrap();

        return new AlbumResult(album.Name, coverImage, photos, coverImage.Bytes + photos.Sum(p => p.Bytes));
    }
}
