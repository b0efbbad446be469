namespace Tasks.Sdk.Http;

/// <summary>
/// The resilience handler retries POSTs, so each logical trigger carries one key, made once and reused on every retry;
/// the server answers a repeated key with the first response instead of a second run.
/// </summary>
internal static class RequestIdempotency
{
    public const string HeaderName = "x-trigger-request-idempotency-key";

    public static string NewKey() => Guid.NewGuid().ToString("D");
}
