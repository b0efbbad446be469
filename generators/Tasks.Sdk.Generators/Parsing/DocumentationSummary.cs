using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Tasks.Sdk.Generators.Models;

namespace Tasks.Sdk.Generators.Parsing;

/// <summary>
/// A task method's <c>&lt;summary&gt;</c>, ready to copy into a generated doc comment. The compiler has already turned its
/// <c>cref</c>s into documentation ids (<c>T:Demo.Resize</c>), which resolve anywhere, so the copy needs no usings.
/// </summary>
internal static class DocumentationSummary
{
    public static EquatableArray<string> Lines(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var xml = method.GetDocumentationCommentXml(cancellationToken: cancellationToken);
        if (string.IsNullOrWhiteSpace(xml))
        {
            return EquatableArray<string>.Empty;
        }

        try
        {
            var summary = XElement.Parse(xml).Element("summary");
            if (summary is null)
            {
                return EquatableArray<string>.Empty;
            }

            var inner = string.Concat(summary.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)));
            return inner.Replace("\r\n", "\n").Split('\n')
                .Select(line => line.Trim())
                .Where(line => line.Length > 0)
                .ToEquatableArray();
        }
        catch (XmlException)
        {
            // A malformed comment is the compiler's to report (CS1570); the client just goes without the copy.
            return EquatableArray<string>.Empty;
        }
    }
}
