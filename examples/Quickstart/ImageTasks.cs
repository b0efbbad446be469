using Tasks.Sdk;

namespace Quickstart;

public sealed record Resize(string Url, int Width);

public sealed record Resized(string Url, long Bytes);

public sealed record Album(string Cover, IReadOnlyList<string> Urls);

public sealed record AlbumSummary(long CoverBytes, int Resized, long TotalBytes);

/// <summary>Instance tasks: the class comes from DI, in a scope of its own per run, and may use the generated client to trigger children.</summary>
public sealed class ImageTasks(IImageStore store, IImageTasksClient images)
{
    [Task("resize-image", MaxAttempts = 3, Queue = "images", ConcurrencyLimit = 2)]
    public async Task<Resized> ResizeAsync(Resize payload, TaskContext ctx, CancellationToken ct)
    {
        var bytes = await store.ResizeAsync(payload.Url, payload.Width, ct);
        return new Resized(payload.Url, bytes);
    }

    /// <summary>A parent: waits on one child, then on a batch of children. While it waits it holds no concurrency slot.</summary>
    [Task("resize-album")]
    public async Task<AlbumSummary> ResizeAlbumAsync(Album album, TaskContext ctx, CancellationToken ct)
    {
        TaskRunResult<Resized> cover = await images.Resize.TriggerAndWaitAsync(new Resize(album.Cover, 64), ct);
        BatchResult<Resized> all = await images.Resize.BatchTriggerAndWaitAsync(album.Urls.Select(u => new Resize(u, 200)), ct);
        var outputs = all.Unwrap();
        return new AlbumSummary(cover.Unwrap().Bytes, outputs.Count, outputs.Sum(o => o.Bytes));
    }
}
