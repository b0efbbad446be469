using System.Text.Json;
using Refit;
using Tasks.Sdk.Protocol;

namespace Tasks.Sdk.Http;

/// <summary>Turns a Refit response into its content, or into a <see cref="TasksApiException"/> carrying the server's error text.</summary>
internal static class ApiResponses
{
    public static T ContentOrThrow<T>(this IApiResponse<T> response)
    {
        response.EnsureOk();
        return response.Content ?? throw new TasksApiException(response.StatusCode ?? 0, "The server answered with an empty body.");
    }

    public static void EnsureOk(this IApiResponse response)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        if (response.StatusCode is not { } status)
        {
            throw new TasksApiException(0, $"No response from the server: {response.Error?.Message}");
        }

        throw new TasksApiException(status, ErrorText(response.Error as ApiException));
    }

    private static string ErrorText(ApiException? error)
    {
        if (error?.Content is { Length: > 0 } body)
        {
            try
            {
                if (JsonSerializer.Deserialize(body, ProtocolJsonContext.Default.ErrorResponse)?.Error is { } text)
                {
                    return text;
                }
            }
            catch (JsonException)
            {
                // Not our error shape (a proxy's HTML page, say): fall back to the raw text below.
            }

            return body;
        }

        return error?.Message ?? "The server refused the request.";
    }
}
