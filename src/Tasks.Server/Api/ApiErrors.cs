using Microsoft.AspNetCore.Http;
using Tasks.Sdk.Protocol;
using Tasks.Server.Engine;

namespace Tasks.Server.Api;

/// <summary>Every refused request answers with a status and <c>{"error": "..."}</c>; deterministic refusals say <c>x-should-retry: false</c>.</summary>
internal sealed class ApiErrors(RequestDelegate next, ILogger<ApiErrors> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (ApiProblem problem)
        {
            await WriteAsync(context, problem.StatusCode, problem.Message);
        }
        catch (BadHttpRequestException bad)
        {
            var message = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large." : bad.Message;
            await WriteAsync(context, bad.StatusCode, message);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (a worker shutting down mid long-poll): nothing to answer.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            await WriteAsync(context, StatusCodes.Status500InternalServerError, "Something went wrong");
        }
    }

    public static async Task WriteAsync(HttpContext context, int statusCode, string message)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.Clear();
        context.Response.StatusCode = statusCode;
        if (statusCode is >= 400 and < 500 and not 408 and not 409 and not 429)
        {
            context.Response.Headers["x-should-retry"] = "false";
        }

        await context.Response.WriteAsJsonAsync(new ErrorResponse(message), ProtocolJsonContext.Default.ErrorResponse);
    }
}
