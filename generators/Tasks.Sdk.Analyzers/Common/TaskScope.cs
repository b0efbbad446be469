using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Tasks.Sdk.Analyzers.Common;

/// <summary>Where a task is running: inside a [Task] method or a method given the run's TaskContext, lambdas and local functions included.</summary>
internal static class TaskScope
{
    public static bool IsInsideTask(IOperation operation, ISymbol containingSymbol, SdkSymbols sdk)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            var method = parent switch
            {
                IAnonymousFunctionOperation lambda => lambda.Symbol,
                ILocalFunctionOperation local => local.Symbol,
                _ => null,
            };
            if (method is not null && sdk.IsTaskScope(method))
            {
                return true;
            }
        }

        return containingSymbol is IMethodSymbol member && sdk.IsTaskScope(member);
    }

    /// <summary>The method a reader would name for this code: the nearest local function, else the member.</summary>
    public static string EnclosingMemberName(IOperation operation, ISymbol containingSymbol)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is ILocalFunctionOperation local)
            {
                return local.Symbol.Name;
            }
        }

        return containingSymbol switch
        {
            IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } ctor => ctor.ContainingType.Name,
            IMethodSymbol { AssociatedSymbol: { } property } => property.Name,
            IMethodSymbol { Name: "<Main>$" } => "top-level statements",
            _ => containingSymbol.Name,
        };
    }
}
