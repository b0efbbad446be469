using Microsoft.CodeAnalysis.Testing;
using Tasks.Sdk.Analyzers.Diagnostics;
using Tasks.Sdk.Analyzers.Tests.Infrastructure;
using Tasks.Sdk.Analyzers.Usage;

namespace Tasks.Sdk.Analyzers.Tests.Usage;

public sealed class IdempotencyKeyTests
{
    [Fact]
    public Task A_key_from_a_new_Guid_is_flagged_naming_the_source() =>
        Verifier.AnalyzeAsync<IdempotencyKeyAnalyzer>(
            """
            public static class Backend
            {
                public static TriggerOptions Options() => new() { IdempotencyKey = "order-" + Guid.NewGuid() };
            }
            """,
            new DiagnosticResult(AnalyzerDiagnostics.NonDeduplicatingIdempotencyKey)
                .WithSpan("/Test.cs", 3, 72, 3, 97)
                .WithArguments("Guid.NewGuid()"));

    [Fact]
    public Task Clocks_random_sources_and_locals_built_from_them_are_flagged() =>
        Verifier.AnalyzeAsync<IdempotencyKeyAnalyzer>(
            """
            public static class Backend
            {
                public static IEnumerable<TriggerOptions> Options(TriggerOptions baseline)
                {
                    yield return new TriggerOptions { IdempotencyKey = {|TASK102:$"report-{DateTime.UtcNow:yyyyMMddHHmmss}"|} };
                    yield return new TriggerOptions { IdempotencyKey = {|TASK102:DateTimeOffset.Now.ToString()|} };
                    yield return new TriggerOptions { IdempotencyKey = {|TASK102:Random.Shared.Next().ToString()|} };
                    var key = "k-" + Guid.NewGuid().ToString("N");
                    yield return baseline with { IdempotencyKey = {|TASK102:key|} };
                }
            }
            """);

    [Fact]
    public Task Keys_derived_from_the_payload_are_fine() =>
        Verifier.AnalyzeAsync<IdempotencyKeyAnalyzer>(
            """
            public sealed record Order(Guid Id, DateTime PlacedAt);
            public static class Backend
            {
                public static TriggerOptions Options(Order order) =>
                    new() { IdempotencyKey = $"order-{order.Id}-{order.PlacedAt:O}", Tags = [Guid.NewGuid().ToString()] };
            }
            """);
}
