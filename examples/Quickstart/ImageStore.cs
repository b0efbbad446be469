namespace Quickstart;

/// <summary>Where images come from; the quickstart's one pretends, so it runs offline.</summary>
public interface IImageStore
{
    Task<long> ResizeAsync(string url, int width, CancellationToken cancellationToken);
}

internal sealed class FakeImageStore : IImageStore
{
    public async Task<long> ResizeAsync(string url, int width, CancellationToken cancellationToken)
    {
        await Task.Delay(20, cancellationToken);
        return (long)width * width * 3 + url.Length;
    }
}
