namespace OutboxGen.Generator.Tests;

/// <summary>
/// The generated registry and model files compared with the golden files in Snapshots/, each run also compiled
/// with the input against the real runtime and EF Core.
/// </summary>
public sealed class GoldenFileTests
{
    [Fact]
    public void Cell_model_with_payload_serializes_it_and_hands_it_to_the_deletion_handler()
    {
        const string Model = """
            namespace Shop;

            public sealed record MemberPayload(long OrganizationId, string Email);

            [Replicated(Category.OrganizationMemberUpdate)]
            public sealed partial class OrganizationMember
            {
                public long Id { get; set; }

                public long OrganizationId { get; set; }

                public string Email { get; set; } = "";

                public MemberPayload PayloadForUpdate() => new(OrganizationId, Email);

                public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;

                public static Task HandleDeletionAsync(
                    DeletionContext<MemberPayload> context,
                    CancellationToken cancellationToken) =>
                    Task.CompletedTask;
            }
            """;

        var run = GeneratorRun.Of(TestSources.Registry, Model);

        Assert.Equal(
            [
                "OutboxGen.Model.Shop.OrganizationMember.g.cs",
                "OutboxGen.Payload.Shop_MemberPayloadSerializer.g.cs",
                GeneratorRun.RegistryHintName,
            ],
            run.HintNames);
        run.AssertClean();
        SnapshotAssert.Matches(run);
    }

    [Fact]
    public void Model_without_payload_gets_a_plain_deletion_context_and_writes_no_payload()
    {
        const string Model = """
            namespace Shop;

            [Replicated(Category.ProjectUpdate, ReplicationVersion = 3)]
            public partial class Project
            {
                public long Id { get; set; }

                public long OrganizationId { get; set; }

                public string Slug { get; set; } = "";

                public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;

                public static Task HandleDeletionAsync(DeletionContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;
            }
            """;

        var run = GeneratorRun.Of(TestSources.Registry, Model);

        Assert.Equal(["OutboxGen.Model.Shop.Project.g.cs", GeneratorRun.RegistryHintName], run.HintNames);
        run.AssertClean();
        SnapshotAssert.Matches(run);
    }

    [Fact]
    public void Control_model_names_its_target_cells_and_is_dispatched_from_the_control_outbox()
    {
        const string Model = """
            namespace Shop.Control;

            public sealed record MappingPayload(string Slug);

            [Replicated(Category.OrganizationUpdate, Silo = OutboxSilo.Control)]
            public partial class OrganizationMapping
            {
                public long Id { get; set; }

                public long OrganizationId { get; set; }

                public string Slug { get; set; } = "";

                public List<string> Cells { get; set; } = [];

                public MappingPayload PayloadForUpdate() => new(Slug);

                public IEnumerable<string> TargetCells() => Cells;

                public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;

                public static Task HandleDeletionAsync(
                    DeletionContext<MappingPayload> context,
                    CancellationToken cancellationToken) =>
                    Task.CompletedTask;
            }
            """;

        var run = GeneratorRun.Of(TestSources.Registry, Model);

        Assert.Equal(
            [
                "OutboxGen.Model.Shop.Control.OrganizationMapping.g.cs",
                "OutboxGen.Payload.Shop_Control_MappingPayloadSerializer.g.cs",
                GeneratorRun.RegistryHintName,
            ],
            run.HintNames);
        run.AssertClean();
        SnapshotAssert.Matches(run);
    }

    [Fact]
    public void Nested_model_is_declared_inside_each_of_its_partial_containing_types()
    {
        const string Model = """
            namespace Shop.Billing;

            public static partial class Plans
            {
                public partial record struct Tiers
                {
                    internal partial record Seats
                    {
                        [Replicated(Category.TeamUpdate)]
                        public partial class Seat
                        {
                            public long Id { get; set; }

                            public long OrganizationId { get; set; }

                            public Task HandleReplicationAsync(
                                ReplicationContext context,
                                CancellationToken cancellationToken) =>
                                Task.CompletedTask;

                            public static Task HandleDeletionAsync(
                                DeletionContext context,
                                CancellationToken cancellationToken) =>
                                Task.CompletedTask;
                        }
                    }
                }
            }
            """;

        var run = GeneratorRun.Of(TestSources.Registry, Model);

        Assert.Equal(
            ["OutboxGen.Model.Shop.Billing.Plans.Tiers.Seats.Seat.g.cs", GeneratorRun.RegistryHintName],
            run.HintNames);
        run.AssertClean();
        SnapshotAssert.Matches(run);
    }

    [Fact]
    public void Model_in_the_global_namespace_is_declared_without_a_namespace()
    {
        const string Model = """
            using Shop;

            [Replicated(Category.UserUpdate)]
            public partial class Account
            {
                public long Id;

                public long UserId;

                public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;

                public static Task HandleDeletionAsync(DeletionContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;

                public static partial class Settings
                {
                    [Replicated(Category.OrganizationUpdate)]
                    public partial class Preference
                    {
                        public int Id { get; set; }

                        public long OrganizationId { get; set; }

                        public Task HandleReplicationAsync(
                            ReplicationContext context,
                            CancellationToken cancellationToken) =>
                            Task.CompletedTask;

                        public static Task HandleDeletionAsync(
                            DeletionContext context,
                            CancellationToken cancellationToken) =>
                            Task.CompletedTask;
                    }
                }
            }
            """;

        var run = GeneratorRun.Of(TestSources.Registry, Model);

        Assert.Equal(
            [
                "OutboxGen.Model.Account.Settings.Preference.g.cs",
                "OutboxGen.Model.Account.g.cs",
                GeneratorRun.RegistryHintName,
            ],
            run.HintNames);
        run.AssertClean();
        SnapshotAssert.Matches(run);
    }

    [Fact]
    public void Int_long_key_attributed_and_type_named_keys_become_the_object_identifier()
    {
        const string Models = """
            using System.ComponentModel.DataAnnotations;

            namespace Shop;

            [Replicated(Category.TeamUpdate)]
            public partial class Team
            {
                public int Id { get; set; }

                public long OrganizationId { get; set; }

                public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;

                public static Task HandleDeletionAsync(DeletionContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;
            }

            [Replicated(Category.ProjectUpdate)]
            public partial class Project
            {
                public long Id { get; set; }

                public int OrganizationId { get; set; }

                public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;

                public static Task HandleDeletionAsync(DeletionContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;
            }

            [Replicated(Category.OrganizationUpdate)]
            public partial class Organization
            {
                // [Key] wins over the conventional Id, as it does in EF Core.
                public long Id { get; set; }

                [Key]
                public long Code { get; set; }

                public long OrganizationId => Code;

                public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;

                public static Task HandleDeletionAsync(DeletionContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;
            }

            [Replicated(Category.OrganizationMemberUpdate)]
            public partial class Member
            {
                public uint MemberId { get; set; }

                public ushort OrganizationId { get; set; }

                public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;

                public static Task HandleDeletionAsync(DeletionContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;
            }
            """;

        var run = GeneratorRun.Of(TestSources.Registry, Models);

        Assert.Equal(
            [
                "OutboxGen.Model.Shop.Member.g.cs",
                "OutboxGen.Model.Shop.Organization.g.cs",
                "OutboxGen.Model.Shop.Project.g.cs",
                "OutboxGen.Model.Shop.Team.g.cs",
                GeneratorRun.RegistryHintName,
            ],
            run.HintNames);
        run.AssertClean();
        SnapshotAssert.Matches(run);
    }

    [Fact]
    public void Receivers_read_a_nullable_payload_leniently_and_a_non_nullable_payload_as_required()
    {
        const string Receivers = """
            namespace Shop.Audit;

            public sealed record AuditLogEntry(long EventId, string Action);

            public sealed record Signal(string Name);

            public static class AuditLogReceivers
            {
                [OutboxReceiver(Category.AuditLogEvent)]
                public static Task RecordAsync(
                    AuditLogEntry entry,
                    OutboxMessage message,
                    CancellationToken cancellationToken) =>
                    Task.CompletedTask;

                [OutboxReceiver(Category.SendSignal)]
                internal static Task SignalAsync(
                    Signal? signal,
                    OutboxMessage message,
                    CancellationToken cancellationToken) =>
                    Task.CompletedTask;
            }
            """;

        var run = GeneratorRun.Of(TestSources.Registry, Receivers);

        Assert.Equal(
            [
                "OutboxGen.Payload.Shop_Audit_AuditLogEntrySerializer.g.cs",
                "OutboxGen.Payload.Shop_Audit_SignalSerializer.g.cs",
                GeneratorRun.RegistryHintName,
            ],
            run.HintNames);
        run.AssertClean();
        SnapshotAssert.Matches(run);
    }

    [Fact]
    public void Retired_categories_and_scopes_stay_in_the_registry_and_can_still_be_received()
    {
        const string Receiver = """
            namespace Shop;

            public static class WebhookReceivers
            {
                [OutboxReceiver(Category.WebhookProxy)]
                public static Task ForwardAsync(string? body, OutboxMessage message, CancellationToken token) =>
                    Task.CompletedTask;
            }
            """;

        var run = GeneratorRun.Of(TestSources.Registry, Receiver);

        Assert.Equal(["OutboxGen.Payload.stringSerializer.g.cs", GeneratorRun.RegistryHintName], run.HintNames);
        run.AssertClean();
        SnapshotAssert.Matches(run);
    }

    [Fact]
    public void Sentry_registry_declares_every_scope_and_category()
    {
        var run = GeneratorRun.Of(TestSources.Sentry);

        Assert.Equal([GeneratorRun.RegistryHintName], run.HintNames);
        run.AssertClean();
        SnapshotAssert.Matches(run);
    }
}
