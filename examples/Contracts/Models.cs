namespace Examples.Images;

/// <summary>Payload of <c>resize-image</c>: make a <paramref name="Width"/>-pixel-wide copy of the image at <paramref name="Url"/>.</summary>
public sealed record ResizeRequest(string Url, int Width);

/// <summary>Output of <c>resize-image</c>. <paramref name="Worker"/> names the process that did the work, to show it was not the caller.</summary>
public sealed record Thumbnail(string Url, int Width, string Key, long Bytes, string Worker);

/// <summary>Payload of <c>resize-album</c>: a cover and the photos of an album.</summary>
public sealed record AlbumRequest(string Name, string CoverUrl, IReadOnlyList<string> PhotoUrls);

/// <summary>Output of <c>resize-album</c>: the cover at header size, a thumbnail per photo, and the bytes stored in all.</summary>
public sealed record AlbumResult(string Name, Thumbnail Cover, IReadOnlyList<Thumbnail> Thumbnails, long TotalBytes);
