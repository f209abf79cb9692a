using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace OutboxGen.Analyzers.Shared;

/// <summary>Reads calls of <c>AddOutboxMessage</c> and <c>AddControlOutboxMessage</c>.</summary>
internal static class WriterCalls
{
    public const string CellMethod = "AddOutboxMessage";

    public const string ControlMethod = "AddControlOutboxMessage";

    /// <summary>Whether the invocation writes an explicit outbox message.</summary>
    public static bool IsWriterCall(IInvocationOperation invocation, OutboxSymbols symbols) =>
        invocation.TargetMethod.Name is CellMethod or ControlMethod
        && OutboxSymbols.Is(invocation.TargetMethod.ContainingType, symbols.WriterExtensions);

    /// <summary>The silo whose outbox the call writes: 0 for the cell outbox, 1 for the control outbox.</summary>
    public static int Silo(IInvocationOperation invocation) =>
        invocation.TargetMethod.Name == ControlMethod ? 1 : 0;

    /// <summary>The argument passed for a parameter, or null when the overload has no such parameter.</summary>
    public static IArgumentOperation? FindArgument(IInvocationOperation invocation, string name) =>
        invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == name);

    /// <summary>The value passed for a parameter, below the implicit conversion to the parameter's type.</summary>
    public static IOperation? Argument(IInvocationOperation invocation, string name)
    {
        var value = FindArgument(invocation, name)?.Value;
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        return value;
    }

    /// <summary>Where the called method's name is written, for a diagnostic about the overload chosen.</summary>
    public static Location MethodNameLocation(IInvocationOperation invocation) =>
        invocation.Syntax is InvocationExpressionSyntax { Expression: var expression }
            ? expression switch
            {
                MemberAccessExpressionSyntax access => access.Name.GetLocation(),
                MemberBindingExpressionSyntax binding => binding.Name.GetLocation(),
                _ => expression.GetLocation(),
            }
            : invocation.Syntax.GetLocation();
}
