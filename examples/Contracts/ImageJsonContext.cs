using System.Text.Json;
using System.Text.Json.Serialization;

namespace Examples.Images;

/// <summary>
/// Source-generated JSON for every payload and output of <see cref="IImageTasks"/>. Set it as
/// <c>TasksClientOptions.JsonSerializerOptions.TypeInfoResolver</c> and no task type is serialized with reflection, which is
/// what a trimmed or native-AOT worker needs.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ResizeRequest))]
[JsonSerializable(typeof(Thumbnail))]
[JsonSerializable(typeof(AlbumRequest))]
[JsonSerializable(typeof(AlbumResult))]
public sealed partial class ImageJsonContext : JsonSerializerContext;
