using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Tasks.Sdk.Generators.Parsing;

/// <summary>Writes an attribute argument back as a C# literal that compiles to the same value.</summary>
internal static class ConstantFormatter
{
    /// <summary>The literal, or null when the argument is not a constant the compiler accepted.</summary>
    public static string? Format(TypedConstant constant) => constant.Kind switch
    {
        TypedConstantKind.Primitive => FormatPrimitive(constant.Value),
        TypedConstantKind.Enum when constant.Type is not null =>
            $"({SymbolNames.FullyQualified(constant.Type)})({FormatPrimitive(constant.Value)})",
        TypedConstantKind.Error => null,
        _ => constant.ToCSharpString(),
    };

    private static string FormatPrimitive(object? value) => value switch
    {
        null => "null",
        string text => SymbolDisplay.FormatLiteral(text, quote: true),
        char character => SymbolDisplay.FormatLiteral(character, quote: true),
        bool flag => flag ? "true" : "false",
        double number => FormatDouble(number),
        float number => FormatFloat(number),
        _ => SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false),
    };

    private static string FormatDouble(double number) =>
        double.IsNaN(number) ? "double.NaN"
        : double.IsPositiveInfinity(number) ? "double.PositiveInfinity"
        : double.IsNegativeInfinity(number) ? "double.NegativeInfinity"
        : number.ToString("R", CultureInfo.InvariantCulture) + "d";

    private static string FormatFloat(float number) =>
        float.IsNaN(number) ? "float.NaN"
        : float.IsPositiveInfinity(number) ? "float.PositiveInfinity"
        : float.IsNegativeInfinity(number) ? "float.NegativeInfinity"
        : number.ToString("R", CultureInfo.InvariantCulture) + "f";
}
