using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Tasks.Sdk.Analyzers.Common;

internal static class OperationExtensions
{
    /// <summary>The operation without the implicit or explicit conversions wrapped around it.</summary>
    public static IOperation WithoutConversions(this IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The operation that consumes this value, skipping conversions and parentheses.</summary>
    public static IOperation? Consumer(this IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        return parent;
    }

    /// <summary>The root of the operation tree this operation belongs to (a method body, a field initializer...).</summary>
    public static IOperation Root(this IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }
}
