using Microsoft.Extensions.Logging;
using Tasks.Sdk;

namespace Examples.Images;

/// <summary>
/// The implementation of the <see cref="IImageTasks"/> contract. Only the worker references this assembly; the backend
/// triggers the same tasks through the contract's generated <see cref="IImageTasksClient"/>. The class is resolved from DI in
/// a scope of its own per run. Ids and options live on the contract, so nothing here carries <c>[Task]</c>.
/// </summary>
public sealed class ImageTasks(IThumbnailer thumbnailer, IImageTasksClient images, ILogger<ImageTasks> logger) : IImageTasks
{
    private static readonly string ThisWorker = $"{Environment.MachineName}/pid {Environment.ProcessId}";

    /// <inheritdoc/>
    public async Task<Thumbnail> ResizeAsync(ResizeRequest request, TaskContext ctx, CancellationToken ct)
    {
        logger.LogInformation("{RunId} resize {Url} to {Width}px (attempt {Attempt})", ctx.RunId, request.Url, request.Width, ctx.Attempt);
        var (key, bytes) = await thumbnailer.ResizeAsync(request.Url, request.Width, ct);
        return new Thumbnail(request.Url, request.Width, key, bytes, ThisWorker);
    }

    /// <inheritdoc/>
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
