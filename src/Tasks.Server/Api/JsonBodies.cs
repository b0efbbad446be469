using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Features;
using Tasks.Server.Engine;

namespace Tasks.Server.Api;

/// <summary>Reads request bodies with a size cap: too large is 413, not JSON or the wrong shape is 400 naming the problem.</summary>
internal static class JsonBodies
{
    public static async Task<T> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> typeInfo, long maxBytes)
    {
        LimitBody(context, maxBytes);
        try
        {
            return await JsonSerializer.DeserializeAsync(context.Request.Body, typeInfo, context.RequestAborted)
                ?? throw ApiProblem.BadRequest("The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw ApiProblem.BadRequest($"Malformed request body: {e.Message}");
        }
    }

    public static void LimitBody(HttpContext context, long? maxBytes)
    {
        if (maxBytes is { } max && context.Request.ContentLength > max)
        {
            throw new ApiProblem(StatusCodes.Status413PayloadTooLarge, $"Request body too large: {context.Request.ContentLength} bytes; the limit is {max}.");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }
    }
}
