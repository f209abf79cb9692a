namespace OutboxGen.Analyzers.Tests;

public sealed class ReplicatedModelAnalyzerTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using System.Threading;
        using System.Threading.Tasks;
        using OutboxGen;

        """;

    private const string Handlers = """
            public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                Task.CompletedTask;

            public static Task HandleDeletionAsync(DeletionContext context, CancellationToken cancellationToken) =>
                Task.CompletedTask;
        """;

    private static Task VerifyAsync(string source) =>
        Verify<ReplicatedModelAnalyzer>.DiagnosticsAsync(Sources.Registry, Usings + source);

    /// <summary>A model of <c>OrganizationMemberUpdate</c> with the given members plus both handlers.</summary>
    private static string Model(string declaration, string members) => $$"""
        [Replicated(Category.OrganizationMemberUpdate)]
        {{declaration}}
        {
        {{members}}
        {{Handlers}}
        }
        """;

    private const string ControlMember = "(Category.OrganizationMemberUpdate, Silo = OutboxSilo.Control)";

    private const string Identity = """
            public long Id { get; set; }
            public long OrganizationId { get; set; }
        """;

    [Fact]
    public async Task A_model_that_follows_the_guide_reports_nothing()
    {
        await Verify<ReplicatedModelAnalyzer>.DiagnosticsAsync(Sources.Registry, Sources.Member);
    }

    [Fact]
    public async Task A_model_argument_that_is_no_category_is_reported()
    {
        var source = """
            [Replicated({|OBX008:5|})]
            public partial class ByNumber { public long Id { get; set; } }

            [Replicated({|OBX008:Scope.Organization|})]
            public partial class ByScope { public long Id { get; set; } }
            """;

        await VerifyAsync(source.Replace(
            "{ public long Id { get; set; } }",
            "{ public long Id { get; set; }\n" + Handlers + "\n}"));
    }

    [Fact]
    public async Task A_model_of_a_retired_category_or_scope_is_reported()
    {
        var source = """
            [Replicated({|OBX009:Category.DisableAuthProvider|})]
            public partial class AuthProvider
            {
                public long Id { get; set; }
                public long OrganizationId { get; set; }
            """ + Handlers + """
            }

            [Replicated({|OBX009:Category.WebhookProxy|})]
            public partial class Webhook
            {
                public long Id { get; set; }
            """ + Handlers + """
            }
            """;

        await VerifyAsync(source);
    }

    [Fact]
    public async Task A_model_that_is_not_partial_is_reported()
    {
        await VerifyAsync(Model("public class {|OBX101:Member|}", Identity));
    }

    [Fact]
    public async Task A_containing_type_that_is_not_partial_is_reported_once()
    {
        var source = "public static class {|OBX101:Outer|}\n{\n"
            + Model("public partial class Member", Identity) + "\n"
            + Model("public partial class Other", Identity).Replace("OrganizationMemberUpdate", "OrganizationUpdate")
            + "\n}";

        await VerifyAsync(source);
    }

    [Fact]
    public async Task A_partial_model_in_partial_types_is_not_reported()
    {
        var source = "public static partial class Outer\n{\npublic partial class Middle\n{\n"
            + Model("public partial class Member", Identity) + "\n}\n}";

        await VerifyAsync(source);
    }

    [Fact]
    public async Task Generic_abstract_and_unreachable_models_are_reported()
    {
        var source = Model("public partial class {|OBX102:Generic|}<T>", Identity) + "\n"
            + Model("public abstract partial class {|OBX102:Abstract|}", Identity) + "\n"
            + "public partial class Container<T>\n{\n" + Model("public partial class {|OBX102:Nested|}", Identity)
            + "\n}\n"
            + "public partial class Outer\n{\n" + Model("private partial class {|OBX102:Hidden|}", Identity)
            + "\n}";

        await VerifyAsync(source);
    }

    [Fact]
    public async Task A_model_deriving_from_a_generic_base_is_not_reported()
    {
        var source = "public class Entity<TKey> { public TKey Id { get; set; } = default!; }\n"
            + Model("public sealed partial class Member : Entity<long>", "public long OrganizationId { get; set; }");

        await VerifyAsync(source);
    }

    [Fact]
    public async Task A_model_without_handlers_is_reported_once_per_handler()
    {
        var source = """
            [Replicated(Category.OrganizationMemberUpdate)]
            public partial class {|OBX103:{|OBX103:Member|}|}
            {
                public long Id { get; set; }
                public long OrganizationId { get; set; }
            }
            """;

        await VerifyAsync(source);
    }

    [Fact]
    public async Task The_missing_handler_message_gives_the_signature_to_add()
    {
        var source = """
            [Replicated(Category.OrganizationMemberUpdate)]
            public partial class Member
            {
                public long Id { get; set; }
                public long OrganizationId { get; set; }

                public MemberPayload PayloadForUpdate() => new("");

                public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;
            }
            """;
        var expected = Verify<ReplicatedModelAnalyzer>.Diagnostic(DiagnosticDescriptors.MissingHandler)
            .WithSpan("/0/Test1.cs", 7, 22, 7, 28)
            .WithArguments(
                "Member",
                "HandleDeletionAsync",
                "public static Task HandleDeletionAsync(DeletionContext<MemberPayload> context, "
                + "CancellationToken cancellationToken)",
                "");

        await Verify<ReplicatedModelAnalyzer>.DiagnosticsAsync([Sources.Registry, Usings + source], [expected]);
    }

    [Fact]
    public async Task Handlers_inherited_from_a_base_class_are_reported_as_missing_on_the_model_itself()
    {
        var source = """
            public abstract class ReplicatedBase
            {
                public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;

                public static Task HandleDeletionAsync(DeletionContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;
            }

            [Replicated(Category.OrganizationMemberUpdate)]
            public partial class Member : ReplicatedBase
            {
                public long Id { get; set; }
                public long OrganizationId { get; set; }
            }
            """;
        const string Suffix =
            " to the model itself, as the generated code does not call the one 'ReplicatedBase' declares";

        await Verify<ReplicatedModelAnalyzer>.DiagnosticsAsync(
            [Sources.Registry, Usings + source],
            [
                Verify<ReplicatedModelAnalyzer>.Diagnostic(DiagnosticDescriptors.MissingHandler)
                    .WithSpan("/0/Test1.cs", 16, 22, 16, 28)
                    .WithArguments(
                        "Member",
                        "HandleReplicationAsync",
                        "public Task HandleReplicationAsync(ReplicationContext context, "
                        + "CancellationToken cancellationToken)",
                        Suffix),
                Verify<ReplicatedModelAnalyzer>.Diagnostic(DiagnosticDescriptors.MissingHandler)
                    .WithSpan("/0/Test1.cs", 16, 22, 16, 28)
                    .WithArguments(
                        "Member",
                        "HandleDeletionAsync",
                        "public static Task HandleDeletionAsync(DeletionContext context, "
                        + "CancellationToken cancellationToken)",
                        Suffix),
            ]);
    }

    [Fact]
    public async Task A_deletion_handler_for_an_inherited_payload_says_the_payload_method_is_not_used()
    {
        var source = """
            public abstract class PayloadBase
            {
                public MemberPayload PayloadForUpdate() => new("");
            }

            [Replicated(Category.OrganizationMemberUpdate)]
            public partial class Member : PayloadBase
            {
                public long Id { get; set; }
                public long OrganizationId { get; set; }

                public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;

                public static Task HandleDeletionAsync(DeletionContext<MemberPayload> context, CancellationToken ct) =>
                    Task.CompletedTask;
            }
            """;
        var expected = Verify<ReplicatedModelAnalyzer>.Diagnostic(DiagnosticDescriptors.HandlerSignature)
            .WithSpan("/0/Test1.cs", 20, 24, 20, 43)
            .WithArguments(
                "HandleDeletionAsync",
                "Member",
                "public static Task HandleDeletionAsync(DeletionContext context, CancellationToken cancellationToken)",
                ", or declare PayloadForUpdate on the model itself, as the generated code does not call the one "
                + "'PayloadBase' declares");

        await Verify<ReplicatedModelAnalyzer>.DiagnosticsAsync([Sources.Registry, Usings + source], [expected]);
    }

    [Fact]
    public async Task A_handler_that_hides_an_inherited_one_with_another_signature_says_only_its_own_counts()
    {
        var source = """
            public abstract class ReplicatedBase
            {
                public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;
            }

            [Replicated(Category.OrganizationMemberUpdate)]
            public partial class Member : ReplicatedBase
            {
                public long Id { get; set; }
                public long OrganizationId { get; set; }

                public Task HandleReplicationAsync(ReplicationContext context) => Task.CompletedTask;

                public static Task HandleDeletionAsync(DeletionContext context, CancellationToken ct) =>
                    Task.CompletedTask;
            }
            """;
        var expected = Verify<ReplicatedModelAnalyzer>.Diagnostic(DiagnosticDescriptors.HandlerSignature)
            .WithSpan("/0/Test1.cs", 18, 17, 18, 39)
            .WithArguments(
                "HandleReplicationAsync",
                "Member",
                "public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken)",
                ", as the generated code calls only the one the model declares, not the one 'ReplicatedBase' declares");

        await Verify<ReplicatedModelAnalyzer>.DiagnosticsAsync([Sources.Registry, Usings + source], [expected]);
    }

    [Fact]
    public async Task A_control_model_without_target_cells_is_reported()
    {
        var source = Model(
            "public partial class {|OBX103:Member|}",
            Identity).Replace("(Category.OrganizationMemberUpdate)", ControlMember);

        await VerifyAsync(source);
    }

    [Fact]
    public async Task Target_cells_that_may_be_null_are_reported()
    {
        var source = "#nullable enable\n" + Model(
            "public partial class Member",
            Identity + "\n    public IEnumerable<string?> {|OBX104:TargetCells|}() => new List<string?>();")
            .Replace("(Category.OrganizationMemberUpdate)", ControlMember);

        await VerifyAsync(source);
    }

    [Fact]
    public async Task A_silo_that_is_neither_cell_nor_control_is_reported()
    {
        var source = Model("public partial class {|OBX114:Member|}", Identity)
            .Replace(
                "(Category.OrganizationMemberUpdate)",
                "(Category.OrganizationMemberUpdate, Silo = (OutboxSilo)2)");

        await VerifyAsync(source);
    }

    [Fact]
    public async Task A_control_model_with_target_cells_and_a_cell_model_without_are_not_reported()
    {
        var control = Model(
            "public partial class Member",
            Identity + "\n    public List<string> TargetCells() => new();")
            .Replace("(Category.OrganizationMemberUpdate)", ControlMember);
        var cell = Model("public partial class Organization", Identity)
            .Replace("OrganizationMemberUpdate", "OrganizationUpdate");

        await VerifyAsync(control + "\n" + cell);
    }

    [Fact]
    public async Task Handlers_with_the_wrong_shape_are_reported()
    {
        var source = """
            [Replicated(Category.OrganizationMemberUpdate)]
            public partial class Member
            {
                public long Id { get; set; }
                public long OrganizationId { get; set; }

                public static Task {|OBX104:HandleReplicationAsync|}(ReplicationContext c, CancellationToken ct) =>
                    Task.CompletedTask;

                public Task {|OBX104:HandleDeletionAsync|}(DeletionContext context, CancellationToken ct) =>
                    Task.CompletedTask;
            }

            [Replicated(Category.OrganizationUpdate)]
            public partial class Organization
            {
                public long Id { get; set; }
                public long OrganizationId { get; set; }

                public MemberPayload PayloadForUpdate() => new("");

                private Task {|OBX104:HandleReplicationAsync|}(ReplicationContext context, CancellationToken ct) =>
                    Task.CompletedTask;

                public static Task {|OBX104:HandleDeletionAsync|}(DeletionContext context, CancellationToken ct) =>
                    Task.CompletedTask;
            }

            [Replicated(Category.UserUpdate)]
            public partial class User
            {
                public long Id { get; set; }
                public long UserId { get; set; }

                public string {|OBX104:PayloadForUpdate|}(int version) => "";

                public void {|OBX104:HandleReplicationAsync|}(ReplicationContext context, CancellationToken ct)
                {
                }

                public static Task HandleDeletionAsync(DeletionContext context, CancellationToken ct) =>
                    Task.CompletedTask;
            }
            """;

        await VerifyAsync(source);
    }

    [Fact]
    public async Task Internal_handlers_and_a_matching_generic_deletion_context_are_accepted()
    {
        var source = """
            [Replicated(Category.OrganizationMemberUpdate)]
            public partial class Member
            {
                public long Id { get; set; }
                public long OrganizationId { get; set; }

                public MemberPayload PayloadForUpdate() => new("");

                internal Task HandleReplicationAsync(ReplicationContext context, CancellationToken ct) =>
                    Task.CompletedTask;

                internal static Task HandleDeletionAsync(DeletionContext<MemberPayload> c, CancellationToken ct) =>
                    Task.CompletedTask;
            }
            """;

        await VerifyAsync(source);
    }

    [Fact]
    public async Task A_model_without_its_shard_key_member_is_reported()
    {
        var source = Model("public partial class {|OBX105:Member|}", "    public long Id { get; set; }") + "\n"
            + Model(
                    "public partial class {|OBX105:Hidden|}",
                    "    public long Id { get; set; }\n    private long OrganizationId;")
                .Replace("OrganizationMemberUpdate", "OrganizationUpdate");

        await VerifyAsync(source);
    }

    [Fact]
    public async Task A_shard_key_inherited_from_a_base_class_is_found()
    {
        var source = "public abstract class OrganizationScoped { public long OrganizationId { get; set; } }\n"
            + Model("public partial class Member : OrganizationScoped", "    public int Id;");

        await VerifyAsync(source);
    }

    [Fact]
    public async Task A_shard_key_that_cannot_be_an_identifier_is_reported()
    {
        const string id = "    public long Id { get; set; }\n";
        var source = Model("public partial class Member", id + "    public string {|OBX106:OrganizationId|} = \"\";")
            + "\n" + Model("public partial class Organization", id + "    public ulong {|OBX106:OrganizationId|};")
                .Replace("OrganizationMemberUpdate", "OrganizationUpdate")
            + "\n" + Model("public partial class User", id + "    public long? {|OBX106:UserId|} { get; set; }")
                .Replace("OrganizationMemberUpdate", "UserUpdate");

        await VerifyAsync(source);
    }

    [Fact]
    public async Task Every_listed_integer_type_can_be_a_shard_key()
    {
        string[] types = ["sbyte", "byte", "short", "ushort", "int", "uint", "long"];
        var source = string.Join("\n", types.Select((type, i) =>
            Model($"public partial class Member{i}", $"    public long Id;\n    public {type} OrganizationId;")));

        await VerifyAsync(source);
    }

    [Fact]
    public async Task A_model_without_a_single_key_is_reported()
    {
        const string twoKeys = "    [Key] public long A;\n    [Key] public long B;\n    public long OrganizationId;";
        var source = Model("public partial class {|OBX107:Member|}", "    public long OrganizationId;") + "\n"
            + Model("public partial class {|OBX107:Pair|}", twoKeys)
                .Replace("OrganizationMemberUpdate", "OrganizationUpdate");

        await VerifyAsync(source);
    }

    [Fact]
    public async Task A_key_marked_or_named_after_the_type_is_found()
    {
        const string marked = "    [Key] public int Number;\n    public long OrganizationId;";
        var source = Model("public partial class Member", marked) + "\n"
            + Model("public partial class Organization", "    public uint OrganizationId { get; set; }")
                .Replace("OrganizationMemberUpdate", "OrganizationUpdate");

        await VerifyAsync(source);
    }

    [Fact]
    public async Task A_key_that_cannot_be_an_identifier_is_reported()
    {
        var source = Model(
            "public partial class Member",
            "    public System.Guid {|OBX108:Id|} { get; set; }\n    public long OrganizationId { get; set; }");

        await VerifyAsync(source);
    }

    [Fact]
    public async Task A_model_whose_scope_has_no_shard_key_is_reported()
    {
        var source = Model("public partial class {|OBX109:Signal|}", "    public long Id { get; set; }")
            .Replace("OrganizationMemberUpdate", "SendSignal");

        await VerifyAsync(source);
    }
}
