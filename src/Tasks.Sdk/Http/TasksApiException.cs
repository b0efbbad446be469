using System.Net;

namespace Tasks.Sdk;

/// <summary>The server refused a call; <see cref="Exception.Message"/> is its <c>{"error": ...}</c> text.</summary>
public sealed class TasksApiException(HttpStatusCode statusCode, string message) : Exception(message)
{
    /// <summary>The HTTP status the server answered with.</summary>
    public HttpStatusCode StatusCode { get; } = statusCode;
}
