using System.Security.Cryptography;
using System.Text;

namespace Examples.Images;

/// <summary>What the tasks resize images with. Registered by <c>AddImageTasks()</c>; swap it for a real one in your worker.</summary>
public interface IThumbnailer
{
    /// <summary>Resizes the image at <paramref name="url"/> and stores the result; returns its storage key and size.</summary>
    Task<(string Key, long Bytes)> ResizeAsync(string url, int width, CancellationToken cancellationToken);
}

/// <summary>
/// An offline stand-in: it takes a little time that grows with the width, and derives a stable storage key from the URL.
/// URLs containing <c>"flaky"</c> fail the first time each process sees them, so the demo shows a retry.
/// </summary>
internal sealed class SimulatedThumbnailer : IThumbnailer
{
    private readonly HashSet<string> _failedOnce = [];

    public async Task<(string Key, long Bytes)> ResizeAsync(string url, int width, CancellationToken cancellationToken)
    {
        if (url.Contains("flaky", StringComparison.Ordinal))
        {
            lock (_failedOnce)
            {
                if (_failedOnce.Add(url))
                {
                    throw new HttpRequestException($"Simulated 503 while downloading {url}");
                }
            }
        }

        await Task.Delay(TimeSpan.FromMilliseconds(100 + width / 2), cancellationToken);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{url}@{width}")))[..12];
        return ($"thumbs/{width}/{hash}.webp", (long)width * width * 3 / 10);
    }
}
