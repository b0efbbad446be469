using Microsoft.CodeAnalysis;
using Tasks.Sdk.Generators.Tests.Infrastructure;

namespace Tasks.Sdk.Generators.Tests;

/// <summary>Methods the generator cannot dispatch are skipped with a diagnostic naming the method and the fix; the rest still compiles.</summary>
public sealed class DiagnosticTests
{
    private const string Prelude = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Tasks.Sdk;

        namespace Demo.Bad;

        public sealed record Payload(string Value);

        """;

    [Theory]
    [InlineData("public Task TwoPayloadsAsync(Payload a, Payload b) => Task.CompletedTask;", "has 2 payload parameters (a, b); wrap them in one record")]
    [InlineData("public Task NoPayloadAsync(CancellationToken ct) => Task.CompletedTask;", "has no payload parameter")]
    [InlineData("public int NotAsync(Payload p) => 1;", "returns int; return Task, Task<T>, ValueTask or ValueTask<T>")]
    [InlineData("public IAsyncEnumerable<int> StreamAsync(Payload p) => null!;", "returns System.Collections.Generic.IAsyncEnumerable<int>")]
    [InlineData("public Task GenericAsync<T>(T p) => Task.CompletedTask;", "is generic")]
    [InlineData("private Task HiddenAsync(Payload p) => Task.CompletedTask;", "is private; make it public or internal")]
    [InlineData("public Task TwoTokensAsync(Payload p, CancellationToken a, CancellationToken b) => Task.CompletedTask;", "takes more than one CancellationToken")]
    [InlineData("public Task TwoContextsAsync(Payload p, TaskContext a, TaskContext b) => Task.CompletedTask;", "takes more than one TaskContext")]
    [InlineData("public Task ByRefAsync(ref Payload p) => Task.CompletedTask;", "declares parameter 'p' as ref")]
    public void Invalid_method_is_skipped_with_TASK001(string method, string problem)
    {
        var run = GeneratorRun.Run(Prelude + $$"""
            public class BadTasks
            {
                [Task("bad")]
                {{method}}

                [Task("good")]
                public Task<string> GoodAsync(Payload p) => Task.FromResult(p.Value);
            }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("TASK001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.StartsWith("Task method 'BadTasks.", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(problem, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("Source0.cs", diagnostic.Location.GetLineSpan().Path);
        var table = run.Sources["GeneratedTaskTable.g.cs"];
        Assert.DoesNotContain("\"bad\"", table, StringComparison.Ordinal);
        Assert.Contains("\"good\"", table, StringComparison.Ordinal);
        Assert.DoesNotContain(run.CompilationProblems(), d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("public class Generic<T> { [Task(\"g\")] public Task RunAsync(Payload p) => Task.CompletedTask; }", "is generic")]
    [InlineData("public class Outer { private class Hidden { [Task(\"h\")] public Task RunAsync(Payload p) => Task.CompletedTask; } }", "is private, protected or file-local")]
    [InlineData("public abstract class Base { [Task(\"a\")] public Task RunAsync(Payload p) => Task.CompletedTask; }", "is abstract and the method is an instance method")]
    [InlineData("public struct Value { [Task(\"s\")] public Task RunAsync(Payload p) => Task.CompletedTask; }", "is a struct; declare tasks in a class")]
    public void Method_in_an_unusable_class_is_skipped_with_TASK002(string source, string problem)
    {
        var run = GeneratorRun.Run(Prelude + source);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("TASK002", diagnostic.Id);
        Assert.Contains(problem, diagnostic.GetMessage(), StringComparison.Ordinal);
        run.AssertCompiles();
    }

    [Fact]
    public void Static_task_in_an_abstract_class_is_fine()
    {
        var run = GeneratorRun.Run(Prelude + "public abstract class Base { [Task(\"a\")] public static Task RunAsync(Payload p) => Task.CompletedTask; }");

        Assert.Empty(run.GeneratorDiagnostics);
        run.AssertCompiles();
    }

    [Fact]
    public void Duplicate_task_id_reports_TASK003_and_keeps_the_first()
    {
        var run = GeneratorRun.Run(Prelude + """
            public class A { [Task("same")] public static Task RunAsync(Payload p) => Task.CompletedTask; }
            public class B { [Task("same")] public static Task RunAsync(Payload p) => Task.CompletedTask; }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("TASK003", diagnostic.Id);
        Assert.Equal("Task id 'same' is declared by both 'A.RunAsync' and 'B.RunAsync'; give each task a unique id", diagnostic.GetMessage());
        Assert.Single(run.Sources.Keys, k => k.EndsWith("Client.g.cs", StringComparison.Ordinal));
        run.AssertCompiles();
    }

    [Fact]
    public void Empty_task_id_reports_TASK004()
    {
        var run = GeneratorRun.Run(Prelude + "public class A { [Task(\"\")] public static Task RunAsync(Payload p) => Task.CompletedTask; }");

        Assert.Equal("TASK004", Assert.Single(run.GeneratorDiagnostics).Id);
        run.AssertCompiles();
    }

    [Fact]
    public void Methods_mapping_to_one_client_property_report_TASK005()
    {
        var run = GeneratorRun.Run(Prelude + """
            public class A
            {
                [Task("one")] public static Task Run(Payload p) => Task.CompletedTask;
                [Task("two")] public static Task RunAsync(Payload p) => Task.CompletedTask;
            }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("TASK005", diagnostic.Id);
        Assert.Contains("'A.Run' and 'A.RunAsync' both map to the generated name 'AClient.Run'", diagnostic.GetMessage(), StringComparison.Ordinal);
        run.AssertCompiles();
    }

    [Fact]
    public void Code_the_compiler_rejects_gets_no_diagnostic_of_ours()
    {
        var run = GeneratorRun.Run(Prelude + "public class A { [Task(\"x\")] public static Task RunAsync(Missing p) => Task.CompletedTask; }");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.Output.GetDiagnostics(), d => d.Id == "CS0246");
    }
}
