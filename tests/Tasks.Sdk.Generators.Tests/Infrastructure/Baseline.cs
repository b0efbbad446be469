using System.Reflection;
using System.Runtime.CompilerServices;

namespace Tasks.Sdk.Generators.Tests.Infrastructure;

/// <summary>
/// Compares each generated file with <c>Baselines/&lt;Test&gt;.&lt;hint&gt;.txt</c> line by line. With <c>UPDATE_SNAPSHOTS=1</c>
/// the baselines are rewritten instead (and stale ones of the test removed), always with LF line endings.
/// </summary>
internal static class Baseline
{
    private static readonly string Directory = typeof(Baseline).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BaselineDirectory").Value!;

    private static bool Updating => Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1";

    public static void Match(GeneratorRun run, [CallerMemberName] string test = "")
    {
        var expectedFiles = System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetFiles(Directory, $"{test}.*.txt").Select(Path.GetFileName).ToHashSet()!
            : [];
        var actualFiles = run.Sources.ToDictionary(s => $"{test}.{s.Key}.txt", s => Normalize(s.Value));

        if (Updating)
        {
            System.IO.Directory.CreateDirectory(Directory);
            foreach (var stale in expectedFiles.Except(actualFiles.Keys))
            {
                File.Delete(Path.Combine(Directory, stale!));
            }

            foreach (var (file, text) in actualFiles)
            {
                File.WriteAllText(Path.Combine(Directory, file), text);
            }

            return;
        }

        Assert.True(
            expectedFiles.SetEquals(actualFiles.Keys),
            $"Generated files differ from the baselines of {test}.\nExpected: {string.Join(", ", expectedFiles.Order())}\nActual:   {string.Join(", ", actualFiles.Keys.Order())}\nRun with UPDATE_SNAPSHOTS=1 to rewrite them.");
        foreach (var (file, actual) in actualFiles)
        {
            CompareLines(file, Normalize(File.ReadAllText(Path.Combine(Directory, file))), actual);
        }
    }

    private static void CompareLines(string file, string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var want = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            var got = i < actualLines.Length ? actualLines[i] : "<end of file>";
            Assert.True(want == got, $"{file} differs at line {i + 1}.\nExpected: {want}\nActual:   {got}\nRun with UPDATE_SNAPSHOTS=1 to rewrite the baselines.");
        }
    }

    // Git may check baselines out with CRLF on some machines; the generator always writes LF.
    private static string Normalize(string text) => text.Replace("\r\n", "\n");
}
