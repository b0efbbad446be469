using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Tasks.Sdk.CodeFixes;
using Tasks.Sdk.Generators.Tests.Infrastructure;

namespace Tasks.Sdk.Generators.Tests;

/// <summary>The TASK021 code fix adds the missing <c>[JsonSerializable]</c> line to the project's context, wherever it is declared.</summary>
public sealed class JsonContextCodeFixTests
{
    private const string Tasks = """
        using System.Threading.Tasks;
        using Tasks.Sdk;

        namespace Demo.Json;

        public sealed record Resize(string Url, int Width);
        public sealed record Resized(string Url);

        public static class ImageTasks
        {
            [Task("resize")] public static Task<Resized> ResizeAsync(Resize payload) => null!;
        }
        """;

    [Fact]
    public async Task Adds_the_line_after_the_existing_ones_in_the_context_file()
    {
        var context = """
            using System.Text.Json.Serialization;

            namespace Demo.Json;

            /// <summary>The app's JSON.</summary>
            [JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
            [JsonSerializable(typeof(Resized))]
            internal sealed partial class AppJsonContext : JsonSerializerContext;
            """;

        var (title, fixedContext) = await FixAsync(Tasks, context);

        Assert.Equal("Add [JsonSerializable(typeof(Demo.Json.Resize))] to the JSON context", title);
        Assert.Equal("""
            using System.Text.Json.Serialization;

            namespace Demo.Json;

            /// <summary>The app's JSON.</summary>
            [JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
            [JsonSerializable(typeof(Resized))]
            [JsonSerializable(typeof(Resize))]
            internal sealed partial class AppJsonContext : JsonSerializerContext;
            """, fixedContext);
    }

    [Fact]
    public async Task Adds_the_first_line_to_a_context_that_lists_nothing_yet()
    {
        var context = """
            namespace Demo.Json
            {
                internal sealed partial class AppJsonContext : System.Text.Json.Serialization.JsonSerializerContext
                {
                }
            }
            """;

        var (_, fixedContext) = await FixAsync(Tasks.Replace("Task<Resized>", "Task"), context);

        Assert.Equal("""
            namespace Demo.Json
            {
                [System.Text.Json.Serialization.JsonSerializable(typeof(Resize))]
                internal sealed partial class AppJsonContext : System.Text.Json.Serialization.JsonSerializerContext
                {
                }
            }
            """, fixedContext);
    }

    private static async Task<(string Title, string FixedContext)> FixAsync(string tasks, string context)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("UserTasks", LanguageNames.CSharp)
            .WithParseOptions(TestCompilation.ParseOptions)
            .WithCompilationOptions(TestCompilation.Create().Options)
            .WithMetadataReferences(TestCompilation.Create().References);
        var tasksDocument = project.AddDocument("Tasks.cs", tasks);
        var contextDocument = tasksDocument.Project.AddDocument("AppJsonContext.cs", context);
        var compilation = (await contextDocument.Project.GetCompilationAsync())!;
        var diagnostic = Assert.Single(AnalyzerRun.Diagnostics(compilation, new Dictionary<string, string> { ["IsAotCompatible"] = "true" }));
        var document = contextDocument.Project.GetDocument(tasksDocument.Id)!;

        var actions = new List<CodeAction>();
        await new AddJsonSerializableFixer().RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));

        var action = Assert.Single(actions);
        var operation = Assert.Single((await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>());
        var text = await operation.ChangedSolution.GetDocument(contextDocument.Id)!.GetTextAsync();
        return (action.Title, text.ToString());
    }
}
