namespace Tasks.Server.Engine;

/// <summary>A request the engine refuses: becomes an HTTP status with <c>{"error": message}</c>.</summary>
internal sealed class ApiProblem(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public static ApiProblem NotFound(string message) => new(404, message);

    public static ApiProblem Unprocessable(string message) => new(422, message);

    public static ApiProblem BadRequest(string message) => new(400, message);
}
