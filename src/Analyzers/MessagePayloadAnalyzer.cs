using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using OutboxGen.Analyzers.Shared;

namespace OutboxGen.Analyzers;

/// <summary>
/// Checks that an explicit message written with a constant category carries the payload its receiver in this
/// project reads: a row whose payload the receiver cannot read fails every drain, and is never delivered.
/// </summary>
/// <remarks>
/// The receiver is the one <c>[OutboxReceiver]</c> method or replicated model of the category in the silo the call
/// writes to (<c>AddOutboxMessage</c> the cell outbox, <c>AddControlOutboxMessage</c> the control outbox). Nothing is
/// checked when the category is received in another project, or by two receivers (OBX111 says so), or when the
/// payload's static type says nothing (<c>object</c>, a type parameter).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MessagePayloadAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.PayloadMismatch);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (OutboxSymbols.TryCreate(start.Compilation) is not { WriterExtensions: not null } symbols)
            {
                return;
            }

            var compilation = start.Compilation;
            var registry = new Lazy<SourceRegistry>(
                () => SourceRegistry.Build(compilation, symbols, CancellationToken.None),
                LazyThreadSafetyMode.ExecutionAndPublication);
            start.RegisterOperationAction(c => AnalyzeInvocation(c, symbols, registry), OperationKind.Invocation);
        });
    }

    private static void AnalyzeInvocation(
        OperationAnalysisContext context,
        OutboxSymbols symbols,
        Lazy<SourceRegistry> registry)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!WriterCalls.IsWriterCall(invocation, symbols)
            || WriterCalls.Argument(invocation, "category") is not { ConstantValue.HasValue: true } categoryArgument
            || Declarations.FindCategory(categoryArgument.Type, categoryArgument.ConstantValue.Value, symbols)
                is not { } category)
        {
            return;
        }

        var silo = WriterCalls.Silo(invocation);
        var claims = registry.Value.Claims
            .Where(c => c.Silo == silo && SymbolEqualityComparer.Default.Equals(c.Category.Field, category.Field))
            .Take(2)
            .ToList();
        if (claims.Count != 1 || Expected(claims[0], symbols) is not { } expected)
        {
            return;
        }

        var payload = WriterCalls.FindArgument(invocation, "payload");
        if (Problem(payload, expected, context.Compilation) is not { } problem)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.PayloadMismatch,
            payload is null ? WriterCalls.MethodNameLocation(invocation) : payload.Value.Syntax.GetLocation(),
            claims[0].OwnerName,
            category.Field.Name,
            Display(expected.Type),
            problem));
    }

    /// <summary>What the message does wrong, as a phrase for the diagnostic message; null when it is right.</summary>
    private static string? Problem(IArgumentOperation? payload, ExpectedPayload expected, Compilation compilation)
    {
        if (payload is null)
        {
            return expected.Required ? "has no payload" : null;
        }

        if (expected.Required && IsNullConstant(payload.Value))
        {
            return "passes null";
        }

        // The payload is written as the type the call passes it as: the method's TPayload.
        var written = payload.Parameter?.Type;
        if (written is null || Unknown(written) || Unknown(expected.Type)
            || compilation.ClassifyCommonConversion(Underlying(written), Underlying(expected.Type)).IsIdentity)
        {
            return null;
        }

        return $"passes '{Display(written)}'";
    }

    /// <summary>
    /// The payload a receiver reads: a receiver method's first parameter, required unless it accepts null (the
    /// generated dispatch reads it as required then); or a model's <c>PayloadForUpdate</c> type, which only its
    /// deletion handler reads, and never as required. Null when the receiver reads no payload.
    /// </summary>
    private static ExpectedPayload? Expected(Claim claim, OutboxSymbols symbols)
    {
        if (claim.Owner is IMethodSymbol { Parameters.Length: > 0 } receiver)
        {
            var type = receiver.Parameters[0].Type;
            var nullable = type.NullableAnnotation == NullableAnnotation.Annotated
                || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
            return new ExpectedPayload(type, !nullable);
        }

        // The generator's own choice of PayloadForUpdate: declared on the model, public, instance, no parameters.
        var method = (claim.Owner as INamedTypeSymbol)?.GetMembers(ReplicatedModelAnalyzer.PayloadMethod)
            .OfType<IMethodSymbol>()
            .FirstOrDefault(m => !m.IsStatic && m.Parameters.Length == 0 && !m.ReturnsVoid && m.Arity == 0
                && m.DeclaredAccessibility == Accessibility.Public);
        return method is null ? null : new ExpectedPayload(method.ReturnType, Required: false);
    }

    private static bool IsNullConstant(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } }
            or IDefaultValueOperation { Type.IsReferenceType: true };
    }

    /// <summary>
    /// Whether a type says nothing the compiler can check: <c>object</c> or <c>dynamic</c> (written as whatever the
    /// value is at run time), or a type built from a type parameter or one that does not bind.
    /// </summary>
    private static bool Unknown(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_Object || type is IDynamicTypeSymbol || Open(type);

    private static bool Open(ITypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Error } or ITypeParameterSymbol => true,
        IArrayTypeSymbol array => Open(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(Open),
        _ => false,
    };

    /// <summary>A nullable value type's underlying type; JSON reads and writes both alike.</summary>
    private static ITypeSymbol Underlying(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : type;

    private static string Display(ITypeSymbol type) => type
        .WithNullableAnnotation(NullableAnnotation.NotAnnotated)
        .ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);

    /// <summary>The payload type a receiver reads, and whether a row without one fails.</summary>
    private sealed record ExpectedPayload(ITypeSymbol Type, bool Required);
}
