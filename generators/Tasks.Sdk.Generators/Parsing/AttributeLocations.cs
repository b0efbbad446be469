using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Tasks.Sdk.Generators.Parsing;

/// <summary>Where in <c>[Task("id", Option = value)]</c> a problem is, so a diagnostic underlines exactly the argument to fix.</summary>
internal static class AttributeLocations
{
    /// <summary>The id argument (positional, or named <c>id:</c>).</summary>
    public static Location? Id(AttributeSyntax? attribute)
    {
        if (attribute?.ArgumentList is null)
        {
            return null;
        }

        foreach (var argument in attribute.ArgumentList.Arguments)
        {
            if (argument.NameEquals is null && (argument.NameColon is null || argument.NameColon.Name.Identifier.ValueText == "id"))
            {
                return argument.GetLocation();
            }
        }

        return null;
    }

    /// <summary>The <c>Option = value</c> argument.</summary>
    public static Location? Named(AttributeSyntax? attribute, string option)
    {
        if (attribute?.ArgumentList is null)
        {
            return null;
        }

        foreach (var argument in attribute.ArgumentList.Arguments)
        {
            if (argument.NameEquals?.Name.Identifier.ValueText == option)
            {
                return argument.GetLocation();
            }
        }

        return null;
    }
}
