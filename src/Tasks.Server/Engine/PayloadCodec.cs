using System.Text.Json;

namespace Tasks.Server.Engine;

/// <summary>
/// Payloads are stored as they arrived (raw JSON text plus their type). Workers and the run API get plain JSON:
/// the <c>json</c> part of a SuperJSON envelope, a JSON string for <c>text/plain</c>.
/// </summary>
internal static class PayloadCodec
{
    public const string Json = "application/json";
    public const string SuperJson = "application/super+json";
    public const string Text = "text/plain";
    public const string Store = "application/store";

    public static string ToPlainJson(string stored, string payloadType)
    {
        if (payloadType != SuperJson)
        {
            return stored;
        }

        using var outer = JsonDocument.Parse(stored);
        if (outer.RootElement.ValueKind != JsonValueKind.String)
        {
            return stored;
        }

        using var envelope = JsonDocument.Parse(outer.RootElement.GetString()!);
        return envelope.RootElement.TryGetProperty("json", out var json) ? json.GetRawText() : "null";
    }

    public static string Validate(string payloadType) => payloadType switch
    {
        Json or SuperJson or Text => payloadType,
        _ => throw ApiProblem.BadRequest($"Unsupported payloadType '{payloadType}'; use application/json, application/super+json or text/plain."),
    };
}
