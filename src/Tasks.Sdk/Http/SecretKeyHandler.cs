using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Tasks.Sdk.Http;

/// <summary>Adds <c>Authorization: Bearer &lt;secret key&gt;</c> to every call.</summary>
internal sealed class SecretKeyHandler(IOptions<TasksClientOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.RequireSecretKey());
        return base.SendAsync(request, cancellationToken);
    }
}
