using System.Text.Json.Nodes;
using Tasks.Sdk.Protocol;

namespace Tasks.Server.Engine;

/// <summary>Trigger.dev's metadata operations: <c>update</c>, <c>set</c>, <c>delete</c>, <c>append</c>, <c>remove</c>, <c>increment</c>.</summary>
internal static class MetadataOperations
{
    public static void Apply(JsonObject metadata, MetadataOperation operation)
    {
        switch (operation.Type)
        {
            case "update" when operation.Value is JsonObject values:
                foreach (var (key, value) in values)
                {
                    metadata[key] = value?.DeepClone();
                }

                break;
            case "set":
                metadata[Key(operation)] = operation.Value?.DeepClone();
                break;
            case "delete":
                metadata.Remove(Key(operation));
                break;
            case "append":
                var list = metadata[Key(operation)] as JsonArray ?? (metadata[Key(operation)] is { } single ? [single.DeepClone()] : []);
                list.Add(operation.Value?.DeepClone());
                metadata[Key(operation)] = list;
                break;
            case "remove" when metadata[Key(operation)] is JsonArray items:
                foreach (var match in items.Where(i => JsonNode.DeepEquals(i, operation.Value)).ToList())
                {
                    items.Remove(match);
                }

                break;
            case "increment":
                var current = metadata[Key(operation)]?.GetValue<double>() ?? 0;
                metadata[Key(operation)] = current + (operation.Value?.GetValue<double>() ?? 0);
                break;
            case "remove":
                break;
            default:
                throw ApiProblem.BadRequest($"Unknown metadata operation '{operation.Type}'.");
        }
    }

    private static string Key(MetadataOperation operation) =>
        operation.Key ?? throw ApiProblem.BadRequest($"Metadata operation '{operation.Type}' needs a key.");
}
