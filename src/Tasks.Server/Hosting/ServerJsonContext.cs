using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tasks.Server;

/// <summary>Source-generated JSON for the server's own stored shapes.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(string))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;
