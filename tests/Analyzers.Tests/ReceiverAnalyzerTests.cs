namespace OutboxGen.Analyzers.Tests;

public sealed class ReceiverAnalyzerTests
{
    private const string Usings = """
        using System.Threading;
        using System.Threading.Tasks;
        using OutboxGen;

        """;

    private static Task VerifyAsync(string source) =>
        Verify<ReceiverAnalyzer>.DiagnosticsAsync(Sources.Registry, Usings + source);

    [Fact]
    public async Task Receivers_in_the_documented_shape_report_nothing()
    {
        var source = """
            public static class Receivers
            {
                [OutboxReceiver(Category.UserUpdate)]
                internal static Task OnUserAsync(MemberPayload? payload, OutboxMessage message, CancellationToken ct) =>
                    Task.CompletedTask;

                public static class Nested
                {
                    [OutboxReceiver(Category.OrganizationUpdate, Silo = OutboxSilo.Control)]
                    public static Task OnOrganizationAsync(int payload, OutboxMessage message, CancellationToken ct) =>
                        Task.CompletedTask;
                }
            }
            """;

        await VerifyAsync(source);
    }

    [Fact]
    public async Task A_receiver_silo_that_is_neither_cell_nor_control_is_reported()
    {
        var source = """
            public static class Receivers
            {
                [OutboxReceiver(Category.UserUpdate, Silo = (OutboxSilo)7)]
                public static Task {|OBX114:OnUserAsync|}(string payload, OutboxMessage m, CancellationToken ct) =>
                    Task.CompletedTask;
            }
            """;

        await VerifyAsync(source);
    }

    [Fact]
    public async Task A_receiver_argument_that_is_no_category_is_reported()
    {
        var source = """
            public static class Receivers
            {
                [OutboxReceiver({|OBX008:7|})]
                public static Task OnNumberAsync(string payload, OutboxMessage message, CancellationToken ct) =>
                    Task.CompletedTask;

                [OutboxReceiver({|OBX008:(Category)99|})]
                public static Task OnUnknownAsync(string payload, OutboxMessage message, CancellationToken ct) =>
                    Task.CompletedTask;
            }
            """;

        await VerifyAsync(source);
    }

    [Fact]
    public async Task A_receiver_of_a_retired_category_or_scope_is_reported()
    {
        var source = """
            public static class Receivers
            {
                [OutboxReceiver({|OBX010:Category.DisableAuthProvider|})]
                public static Task OnRetiredAsync(string payload, OutboxMessage message, CancellationToken ct) =>
                    Task.CompletedTask;

                [OutboxReceiver({|OBX010:Category.WebhookProxy|})]
                public static Task OnWebhookAsync(string payload, OutboxMessage message, CancellationToken ct) =>
                    Task.CompletedTask;
            }
            """;

        await VerifyAsync(source);
    }

    [Fact]
    public async Task Receivers_with_the_wrong_signature_are_reported()
    {
        var source = """
            public class Receivers
            {
                [OutboxReceiver(Category.UserUpdate)]
                public Task {|OBX112:InstanceAsync|}(string payload, OutboxMessage message, CancellationToken ct) =>
                    Task.CompletedTask;

                [OutboxReceiver(Category.UserUpdate)]
                private static Task {|OBX112:PrivateAsync|}(string payload, OutboxMessage m, CancellationToken c) =>
                    Task.CompletedTask;

                [OutboxReceiver(Category.UserUpdate)]
                public static void {|OBX112:Void|}(string payload, OutboxMessage message, CancellationToken ct)
                {
                }

                [OutboxReceiver(Category.UserUpdate)]
                public static Task {|OBX112:TwoAsync|}(string payload, OutboxMessage message) => Task.CompletedTask;

                [OutboxReceiver(Category.UserUpdate)]
                public static Task {|OBX112:SwappedAsync|}(string payload, CancellationToken c, OutboxMessage m) =>
                    Task.CompletedTask;

                [OutboxReceiver(Category.UserUpdate)]
                public static Task {|OBX112:ByRefAsync|}(in string payload, OutboxMessage m, CancellationToken c) =>
                    Task.CompletedTask;

                private static class Hidden
                {
                    [OutboxReceiver(Category.UserUpdate)]
                    public static Task {|OBX112:UnreachableAsync|}(string p, OutboxMessage m, CancellationToken c) =>
                        Task.CompletedTask;
                }
            }
            """;

        await VerifyAsync(source);
    }

    [Fact]
    public async Task The_signature_message_says_what_is_wrong()
    {
        var source = """
            public class Receivers
            {
                [OutboxReceiver(Category.UserUpdate)]
                public Task OnUserAsync(string payload, OutboxMessage message, CancellationToken ct) =>
                    Task.CompletedTask;
            }
            """;
        var expected = Verify<ReceiverAnalyzer>.Diagnostic(DiagnosticDescriptors.ReceiverSignature)
            .WithSpan("/0/Test1.cs", 7, 17, 7, 28)
            .WithArguments("OnUserAsync", "is not static");

        await Verify<ReceiverAnalyzer>.DiagnosticsAsync([Sources.Registry, Usings + source], [expected]);
    }

    [Fact]
    public async Task Generic_receivers_and_receivers_in_generic_types_are_reported()
    {
        var source = """
            public static class Receivers
            {
                [OutboxReceiver(Category.UserUpdate)]
                public static Task {|OBX113:OnAnyAsync|}<T>(T payload, OutboxMessage message, CancellationToken ct) =>
                    Task.CompletedTask;
            }

            public static class Holder<T>
            {
                [OutboxReceiver(Category.OrganizationUpdate)]
                public static Task {|OBX113:OnOrganizationAsync|}(string p, OutboxMessage m, CancellationToken c) =>
                    Task.CompletedTask;
            }
            """;

        await VerifyAsync(source);
    }
}
