using Tasks.Sdk.Generators.Tests.Infrastructure;

namespace Tasks.Sdk.Generators.Tests;

/// <summary>TASK021: in a trimmed or AOT project, each task payload and output must be reachable from a JsonSerializerContext.</summary>
public sealed class JsonContextTests
{
    private const string Tasks = """
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using System.Threading.Tasks;
        using Tasks.Sdk;

        namespace Demo.Json;

        public sealed record Resize(string Url, int Width);
        public sealed record Resized(string Url, Thumb Thumb);
        public sealed record Thumb(string Key);
        public sealed record Album(List<Resize> Items);

        """;

    private static readonly Dictionary<string, string> Aot = new() { ["EnableAotAnalyzer"] = "true" };

    [Theory]
    [InlineData("EnableAotAnalyzer")]
    [InlineData("EnableTrimAnalyzer")]
    [InlineData("PublishAot")]
    [InlineData("PublishTrimmed")]
    [InlineData("IsAotCompatible")]
    public void Payload_missing_from_the_context_is_reported_at_the_payload(string property)
    {
        var (source, span) = Markup.Parse(Tasks + """
            [JsonSerializable(typeof(Resized))]
            internal sealed partial class AppJsonContext : JsonSerializerContext { }
            public static class ImageTasks
            {
                [Task("resize")] public static Task<Resized> ResizeAsync(Resize [|payload|]) => null!;
            }
            """);

        var diagnostic = Assert.Single(AnalyzerRun.Diagnostics(TestCompilation.Create(source), new Dictionary<string, string> { [property] = "true" }));

        Assert.Equal("TASK021", diagnostic.Id);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.Equal("'Resize', the payload type of task method 'ImageTasks.ResizeAsync', is not in 'AppJsonContext'; this project is trimmed or AOT-compiled, so add [JsonSerializable(typeof(Resize))] to the context", diagnostic.GetMessage());
        Assert.Equal("global::Demo.Json.Resize", diagnostic.Properties["TypeName"]);
        Assert.Contains("AppJsonContext", Assert.Single(diagnostic.AdditionalLocations).SourceTree!.GetText().ToString(Assert.Single(diagnostic.AdditionalLocations).SourceSpan), StringComparison.Ordinal);
    }

    [Fact]
    public void Output_missing_from_the_context_is_reported_at_the_return_type()
    {
        var (source, span) = Markup.Parse(Tasks + """
            [JsonSerializable(typeof(Resize))]
            internal sealed partial class AppJsonContext : JsonSerializerContext { }
            public static class ImageTasks
            {
                [Task("resize")] public static [|Task<Resized>|] ResizeAsync(Resize payload) => null!;
            }
            """);

        var diagnostic = Assert.Single(AnalyzerRun.Diagnostics(TestCompilation.Create(source), Aot));

        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.Contains("'Resized', the output type", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Types_reachable_from_a_listed_type_count_as_covered()
    {
        var source = Tasks + """
            [JsonSerializable(typeof(Album))]
            [JsonSerializable(typeof(Resized))]
            [JsonSerializable(typeof(int))]
            internal sealed partial class AppJsonContext : JsonSerializerContext { }
            public static class ImageTasks
            {
                [Task("resize")] public static Task<Resized> ResizeAsync(Resize payload) => null!;
                [Task("thumb")] public static Task<Thumb?> ThumbAsync(List<Resize> payload) => null!;
                [Task("count")] public static Task<int> CountAsync(Album album) => null!;
                [Task("forget")] public static Task ForgetAsync(Resize payload) => null!;
            }
            """;

        Assert.Empty(AnalyzerRun.Diagnostics(TestCompilation.Create(source), Aot));
    }

    [Fact]
    public void Without_a_context_every_type_is_reported_once_and_the_message_says_to_declare_one()
    {
        var source = Tasks + """
            public static class ImageTasks
            {
                [Task("resize")] public static Task<Resized> ResizeAsync(Resize payload) => null!;
                [Task("again")] public static Task<Resized> AgainAsync(Resize payload) => null!;
            }
            """;

        var diagnostics = AnalyzerRun.Diagnostics(TestCompilation.Create(source), Aot);

        Assert.Equal(["global::Demo.Json.Resized", "global::Demo.Json.Resize"], diagnostics.Select(d => d.Properties["TypeName"]));
        Assert.All(diagnostics, d => Assert.Contains("this project has none", d.GetMessage(), StringComparison.Ordinal));
        Assert.All(diagnostics, d => Assert.Empty(d.AdditionalLocations));
    }

    [Fact]
    public void Projects_without_trimming_or_aot_get_no_warning()
    {
        var source = Tasks + "public static class ImageTasks { [Task(\"resize\")] public static Task<Resized> ResizeAsync(Resize payload) => null!; }";

        Assert.Empty(AnalyzerRun.Diagnostics(TestCompilation.Create(source)));
        Assert.Empty(AnalyzerRun.Diagnostics(TestCompilation.Create(source), new Dictionary<string, string> { ["EnableAotAnalyzer"] = "false" }));
    }
}
