using Microsoft.CodeAnalysis;
using Tasks.Sdk.Generators.Tests.Infrastructure;

namespace Tasks.Sdk.Generators.Tests;

/// <summary>
/// Every rule of <see cref="Analysis.TaskAnalyzer"/>, at the exact span marked <c>[| |]</c>, with a message naming the
/// method and the fix. The generator reports nothing itself: it skips the invalid declaration and still emits the valid ones.
/// </summary>
public sealed class DiagnosticTests
{
    private const string Prelude = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using System.Threading;
        using System.Threading.Tasks;
        using Tasks.Sdk;

        namespace Demo.Bad;

        public sealed record Payload(string Value);

        public interface IShape { }

        [JsonDerivedType(typeof(Circle), "circle")]
        public interface IKnownShape { }

        public sealed record Circle(double Radius) : IKnownShape;

        """;

    [Theory]
    [InlineData("public Task TwoPayloadsAsync(Payload a, Payload [|b|]) => Task.CompletedTask;", "has 2 payload parameters (a, b); wrap them in one record")]
    [InlineData("public Task NoPayloadAsync[|(CancellationToken ct)|] => Task.CompletedTask;", "has no payload parameter")]
    [InlineData("public [|int|] NotAsync(Payload p) => 1;", "returns int, which is not awaitable; return Task, Task<T>, ValueTask or ValueTask<T>")]
    [InlineData("public [|IAsyncEnumerable<int>|] StreamAsync(Payload p) => null!;", "returns System.Collections.Generic.IAsyncEnumerable<int>, which is not awaitable")]
    [InlineData("public async [|void|] FireAsync(Payload p) => await Task.Yield();", "is async void")]
    [InlineData("public Task GenericAsync[|<T>|](T p) => Task.CompletedTask;", "is generic")]
    [InlineData("public Task TwoTokensAsync(Payload p, CancellationToken a, CancellationToken [|b|]) => Task.CompletedTask;", "takes more than one CancellationToken")]
    [InlineData("public Task TwoContextsAsync(Payload p, TaskContext a, TaskContext [|b|]) => Task.CompletedTask;", "takes more than one TaskContext")]
    [InlineData("public Task ByRefAsync(ref Payload [|p|]) => Task.CompletedTask;", "declares parameter 'p' as ref; a task gets its payload by value, so drop 'ref'")]
    [InlineData("public Task OutAsync(Payload p, out int [|count|]) { count = 0; return Task.CompletedTask; }", "declares parameter 'count' as out")]
    [InlineData("public Task InAsync(in Payload [|p|]) => Task.CompletedTask;", "declares parameter 'p' as in")]
    public void Unsupported_signature_reports_TASK001(string method, string problem)
    {
        var diagnostic = AssertSingleAt("TASK001", $$"""
            public class BadTasks
            {
                [Task("bad")]
                {{method}}
            }
            """);

        Assert.StartsWith("Task method 'BadTasks.", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(problem, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public class A { [Task(\"t\")] private Task [|HiddenAsync|](Payload p) => Task.CompletedTask; }", "the method is private; make it public or internal")]
    [InlineData("public class A { [Task(\"t\")] protected Task [|HiddenAsync|](Payload p) => Task.CompletedTask; }", "the method is protected")]
    [InlineData("public class Generic<T> { [Task(\"t\")] public Task [|RunAsync|](Payload p) => Task.CompletedTask; }", "'Generic' is an open generic type")]
    [InlineData("public class Outer<T> { public class Inner { [Task(\"t\")] public Task [|RunAsync|](Payload p) => Task.CompletedTask; } }", "nested in the open generic type 'Outer'")]
    [InlineData("public class Outer { private class Hidden { [Task(\"t\")] public Task [|RunAsync|](Payload p) => Task.CompletedTask; } }", "'Outer.Hidden' is private, protected or file-local")]
    [InlineData("public abstract class Base { [Task(\"t\")] public Task [|RunAsync|](Payload p) => Task.CompletedTask; }", "'Base' is abstract and the method is an instance method")]
    [InlineData("public struct Value { [Task(\"t\")] public Task [|RunAsync|](Payload p) => Task.CompletedTask; }", "'Value' is a struct; declare tasks in a class (or in an interface, as a contract)")]
    [InlineData("public interface IContract { [Task(\"t\")] static Task [|RunAsync|](Payload p) => Task.CompletedTask; }", "remove 'static'")]
    public void Unreachable_method_or_type_reports_TASK002(string source, string problem)
    {
        var diagnostic = AssertSingleAt("TASK002", source);

        Assert.Contains("cannot be dispatched: ", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(problem, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Static_task_in_an_abstract_class_is_fine()
    {
        var run = GeneratorRun.Run(Prelude + "public abstract class Base { [Task(\"a\")] public static Task RunAsync(Payload p) => Task.CompletedTask; }");

        Assert.Empty(run.AnalyzerDiagnostics);
        run.AssertCompiles();
    }

    [Fact]
    public void Duplicate_task_id_reports_TASK003_on_the_second_id_and_keeps_the_first()
    {
        var diagnostic = AssertSingleAt("TASK003", """
            public class A { [Task("same")] public static Task RunAsync(Payload p) => Task.CompletedTask; }
            public class B { [Task([|"same"|])] public static Task RunAsync(Payload p) => Task.CompletedTask; }
            """);

        Assert.Equal("Task id 'same' is already used by 'A.RunAsync'; give 'B.RunAsync' an id of its own", diagnostic.GetMessage());
        var run = GeneratorRun.Run(Prelude + "public class A { [Task(\"same\")] public static Task RunAsync(Payload p) => Task.CompletedTask; }\npublic class B { [Task(\"same\")] public static Task RunAsync(Payload p) => Task.CompletedTask; }");
        Assert.Single(run.Sources.Keys, k => k.EndsWith("Client.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicate_task_id_across_files_is_reported_in_the_later_file()
    {
        var first = Prelude + "public class A { [Task(\"same\")] public static Task RunAsync(Payload p) => Task.CompletedTask; }";
        var (second, span) = Markup.Parse("using System.Threading.Tasks; using Tasks.Sdk; namespace Demo.Bad; public class B { [Task([|\"same\"|])] public static Task RunAsync(Payload p) => Task.CompletedTask; }");

        var diagnostic = Assert.Single(AnalyzerRun.Diagnostics(TestCompilation.Create(first, second)));

        Assert.Equal("TASK003", diagnostic.Id);
        Assert.Equal("Source1.cs", diagnostic.Location.SourceTree!.FilePath);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
    }

    [Theory]
    [InlineData("\"\"", "is empty")]
    [InlineData("\"   \"", "is only whitespace")]
    [InlineData("\"send email\"", "contains whitespace")]
    [InlineData("\"héllo\"", "contains 'é'")]
    [InlineData("\"a?b\"", "contains '?'")]
    [InlineData("\"-leading\"", "does not start and end with a letter or digit")]
    [InlineData("\"trailing/\"", "does not start and end with a letter or digit")]
    public void Invalid_id_reports_TASK004_on_the_id(string id, string problem)
    {
        var diagnostic = AssertSingleAt("TASK004", $"public class A {{ [Task([|{id}|])] public static Task RunAsync(Payload p) => Task.CompletedTask; }}");

        Assert.Contains($"which {problem}; use letters, digits and - _ . : /", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Id_longer_than_128_characters_reports_TASK004()
    {
        var id = new string('a', 129);
        var diagnostic = AssertSingleAt("TASK004", $"public class A {{ [Task([|\"{id}\"|])] public static Task RunAsync(Payload p) => Task.CompletedTask; }}");

        Assert.Contains("is 129 characters long", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_that_are_not_identifiers_are_fine()
    {
        var run = GeneratorRun.Run(Prelude + """
            public class A
            {
                [Task("send-email")] public static Task SendAsync(Payload p) => Task.CompletedTask;
                [Task("v2/resize")] public static Task ResizeAsync(Payload p) => Task.CompletedTask;
                [Task("reports.daily:v1_final")] public static Task ReportAsync(Payload p) => Task.CompletedTask;
            }
            """);

        Assert.Empty(run.AnalyzerDiagnostics);
        run.AssertCompiles();
    }

    [Fact]
    public void Methods_mapping_to_one_client_property_report_TASK005_on_the_second()
    {
        var diagnostic = AssertSingleAt("TASK005", """
            public class A
            {
                [Task("one")] public static Task Run(Payload p) => Task.CompletedTask;
                [Task("two")] public static Task [|RunAsync|](Payload p) => Task.CompletedTask;
            }
            """);

        Assert.Equal("'A.RunAsync' maps to the generated name 'AClient.Run', already taken by 'A.Run'; rename one of them", diagnostic.GetMessage());
    }

    [Fact]
    public void Types_mapping_to_one_client_report_TASK005()
    {
        var diagnostic = AssertSingleAt("TASK005", """
            public class OuterInner { [Task("one")] public static Task [|RunAsync|](Payload p) => Task.CompletedTask; }
            public class Outer { public class Inner { [Task("two")] public static Task RunAsync(Payload p) => Task.CompletedTask; } }
            """);

        Assert.Equal("'OuterInner.RunAsync' maps to the generated name 'Demo.Bad.OuterInnerClient', already taken by 'Outer.Inner'; rename one of them", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("[|MaxAttempts = -1|]", "sets MaxAttempts to -1; attempts count the first one")]
    [InlineData("[|ConcurrencyLimit = 0|]", "sets ConcurrencyLimit to 0; a concurrency limit is 1 or more")]
    [InlineData("[|ConcurrencyLimit = -2|]", "sets ConcurrencyLimit to -2")]
    [InlineData("[|RetryFactor = -1|]", "sets RetryFactor to -1")]
    [InlineData("MinRetryDelay = \"10s\", [|MaxRetryDelay = \"500ms\"|]", "sets MaxRetryDelay below MinRetryDelay (500ms < 10000ms)")]
    [InlineData("[|MaxDuration = \"5 minutes\"|]", "sets MaxDuration to \"5 minutes\", which is not a duration")]
    [InlineData("[|Ttl = \"0s\"|]", "sets Ttl to \"0s\"; use a positive duration")]
    [InlineData("[|Queue = \" \"|]", "sets Queue to an empty name")]
    public void Invalid_option_reports_TASK010_on_the_argument(string options, string problem)
    {
        var diagnostic = AssertSingleAt("TASK010", $"public class A {{ [Task(\"t\", {options})] public static Task RunAsync(Payload p) => Task.CompletedTask; }}");

        Assert.Equal($"Task method 'A.RunAsync' {problem}", diagnostic.GetMessage()[..($"Task method 'A.RunAsync' {problem}".Length)]);
    }

    [Theory]
    [InlineData("Task RunAsync(Action [|callback|])", "payload type 'System.Action'", "delegates are code")]
    [InlineData("Task RunAsync(object [|value|])", "payload type 'object'", "'object' deserializes to a JsonElement")]
    [InlineData("Task RunAsync(dynamic [|value|])", "payload type 'dynamic'", "'dynamic' deserializes to a JsonElement")]
    [InlineData("Task RunAsync(IShape [|shape|])", "payload type 'Demo.Bad.IShape'", "an interface has no known implementation")]
    [InlineData("Task RunAsync(List<Func<int>> [|callbacks|])", "payload type 'System.Collections.Generic.List<System.Func<int>>'", "delegates are code")]
    [InlineData("[|Task<object>|] RunAsync(Payload p)", "output type 'object'", "'object' deserializes")]
    public void Unserializable_payload_or_output_reports_TASK020(string signature, string type, string problem)
    {
        var diagnostic = AssertSingleAt("TASK020", $"public class A {{ [Task(\"t\")] public static {signature} => throw new NotImplementedException(); }}");

        Assert.Contains(type, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(problem, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Collections_interfaces_and_known_polymorphic_types_serialize()
    {
        var run = GeneratorRun.Run(Prelude + """
            public class A
            {
                [Task("a")] public static Task<IReadOnlyDictionary<string, int>> ListAsync(IReadOnlyList<Payload> p) => throw new NotImplementedException();
                [Task("b")] public static Task<IKnownShape> ShapeAsync(IKnownShape shape) => Task.FromResult(shape);
            }
            """);

        Assert.Empty(run.AnalyzerDiagnostics);
        run.AssertCompiles();
    }

    [Fact]
    public void Several_problems_of_one_method_are_all_reported()
    {
        var source = Prelude + "public class A { [Task(\"a b\", MaxAttempts = -1)] public static Task RunAsync(object o) => Task.CompletedTask; }";

        var ids = AnalyzerRun.Diagnostics(TestCompilation.Create(source)).Select(d => d.Id).ToList();

        Assert.Equal(["TASK004", "TASK010", "TASK020"], ids);
    }

    [Fact]
    public void Code_the_compiler_rejects_gets_no_diagnostic_of_ours()
    {
        var run = GeneratorRun.Run(Prelude + "public class A { [Task(\"x\")] public static Task RunAsync(Missing p) => Task.CompletedTask; }");

        Assert.Empty(run.AnalyzerDiagnostics);
        Assert.Contains(run.Output.GetDiagnostics(), d => d.Id == "CS0246");
    }

    [Fact]
    public void Every_diagnostic_has_a_help_link_to_its_page()
    {
        foreach (var descriptor in new Analysis.TaskAnalyzer().SupportedDiagnostics)
        {
            Assert.EndsWith($"/docs/diagnostics/{descriptor.Id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
            var page = Path.Combine(RepositoryRoot(), "docs", "diagnostics", descriptor.Id + ".md");
            Assert.True(File.Exists(page), $"{page} is missing.");
        }
    }

    /// <summary>
    /// Asserts the analyzer reports exactly one <paramref name="id"/>, at the marked span, and that the generator skips the
    /// method silently while still emitting a valid task declared next to it.
    /// </summary>
    private static Diagnostic AssertSingleAt(string id, string markup)
    {
        var (source, span) = Markup.Parse(Prelude + markup + "\npublic class Valid { [Task(\"good\")] public static Task<string> GoodAsync(Payload p) => Task.FromResult(p.Value); }\n");

        var run = GeneratorRun.Run(source);

        var diagnostic = Assert.Single(run.AnalyzerDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal("Source0.cs", diagnostic.Location.SourceTree!.FilePath);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.Empty(run.GeneratorDiagnostics);
        var table = run.Sources["GeneratedTaskTable.g.cs"];
        Assert.Contains("\"good\"", table, StringComparison.Ordinal);
        Assert.DoesNotContain(run.CompilationProblems(), d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true);
        return diagnostic;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Tasks.Sdk.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Tasks.Sdk.sln not found above the test output.");
    }
}
