namespace OutboxGen.Generator.Tests;

/// <summary>Less common input that the rules accept: the generated code compiles with it, without a warning.</summary>
public sealed class AcceptedInputTests
{
    [Fact]
    public void Nullable_payload_with_a_deletion_context_of_the_non_nullable_type_compiles()
    {
        const string Model = """
            namespace Shop;

            public sealed record WidgetPayload(string Name);

            [Replicated(Category.OrganizationUpdate)]
            public partial class Widget
            {
                public long Id { get; set; }

                public long OrganizationId { get; set; }

                public string? Name { get; set; }

                public WidgetPayload? PayloadForUpdate() => Name is null ? null : new(Name);

                public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;

                public static Task HandleDeletionAsync(
                    DeletionContext<WidgetPayload> context,
                    CancellationToken cancellationToken) =>
                    Task.CompletedTask;
            }
            """;

        var run = GeneratorRun.Of(TestSources.Registry, Model);

        run.AssertClean();
        Assert.Equal(["Cell 2 Shop.Widget"], run.LoadRegistry().Bindings());
        var generated = run.Sources["OutboxGen.Model.Shop.Widget.g.cs"] + run.Sources[GeneratorRun.RegistryHintName];
        Assert.DoesNotContain("global::OutboxGen.OutboxPayload.", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void Payload_with_a_deletion_context_of_the_nullable_type_compiles()
    {
        const string Model = """
            namespace Shop;

            public sealed record WidgetPayload(string Name);

            [Replicated(Category.OrganizationUpdate)]
            public partial class Widget
            {
                public long Id { get; set; }

                public long OrganizationId { get; set; }

                public WidgetPayload PayloadForUpdate() => new("widget");

                public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;

                public static Task HandleDeletionAsync(
                    DeletionContext<WidgetPayload?> context,
                    CancellationToken cancellationToken) =>
                    Task.CompletedTask;
            }
            """;

        var run = GeneratorRun.Of(TestSources.Registry, Model);

        run.AssertClean();
        Assert.Equal(["Cell 2 Shop.Widget"], run.LoadRegistry().Bindings());
        var generated = run.Sources["OutboxGen.Model.Shop.Widget.g.cs"] + run.Sources[GeneratorRun.RegistryHintName];
        Assert.DoesNotContain("global::OutboxGen.OutboxPayload.", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_type_payloads_compile()
    {
        const string Models = """
            namespace Shop;

            [Replicated(Category.OrganizationUpdate)]
            public partial class Widget
            {
                public long Id { get; set; }

                public long OrganizationId { get; set; }

                public int PayloadForUpdate() => 7;

                public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;

                public static Task HandleDeletionAsync(DeletionContext<int> context, CancellationToken token) =>
                    Task.CompletedTask;
            }

            [Replicated(Category.ProjectUpdate)]
            public partial class Gadget
            {
                public long Id { get; set; }

                public long OrganizationId { get; set; }

                public DateTime? PayloadForUpdate() => null;

                public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;

                public static Task HandleDeletionAsync(DeletionContext<DateTime?> context, CancellationToken token) =>
                    Task.CompletedTask;
            }

            public static class Receivers
            {
                [OutboxReceiver(Category.AuditLogEvent)]
                public static Task CountAsync(long count, OutboxMessage message, CancellationToken token) =>
                    Task.CompletedTask;

                [OutboxReceiver(Category.SendSignal)]
                public static Task MaybeCountAsync(long? count, OutboxMessage message, CancellationToken token) =>
                    Task.CompletedTask;
            }
            """;

        var run = GeneratorRun.Of(TestSources.Registry, Models);

        run.AssertClean();
        Assert.Equal(
            [
                "Cell 2 Shop.Widget",
                "Cell 5 Shop.Receivers.CountAsync",
                "Cell 8 Shop.Gadget",
                "Cell 14 Shop.Receivers.MaybeCountAsync",
            ],
            run.LoadRegistry().Bindings());
    }

    [Fact]
    public void Target_cells_of_any_string_sequence_type_compile()
    {
        const string Models = """
            namespace Shop;

            [Replicated(Category.OrganizationUpdate, Silo = OutboxSilo.Control)]
            public partial class Widget
            {
                public long Id { get; set; }

                public long OrganizationId { get; set; }

                public string[] TargetCells() => ["us", "de"];

                public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;

                public static Task HandleDeletionAsync(DeletionContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;
            }

            [Replicated(Category.ProjectUpdate, Silo = OutboxSilo.Control)]
            public partial class Gadget
            {
                public long Id { get; set; }

                public long OrganizationId { get; set; }

                public List<string> TargetCells() => ["us"];

                public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;

                public static Task HandleDeletionAsync(DeletionContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;
            }
            """;

        var run = GeneratorRun.Of(TestSources.Registry, Models);

        run.AssertClean();
        Assert.Equal(["Control 2 Shop.Widget", "Control 8 Shop.Gadget"], run.LoadRegistry().Bindings());
    }

    [Fact]
    public void Members_inherited_from_a_base_class_and_internal_handlers_compile()
    {
        const string Models = """
            namespace Shop;

            public abstract class Entity
            {
                public long Id { get; set; }

                public long OrganizationId { get; set; }
            }

            [Replicated(Category.OrganizationUpdate)]
            public sealed partial class Widget : Entity
            {
                internal Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;

                internal static Task HandleDeletionAsync(DeletionContext context, CancellationToken token) =>
                    Task.CompletedTask;
            }
            """;

        var run = GeneratorRun.Of(TestSources.Registry, Models);

        run.AssertClean();
        Assert.Equal(["OutboxGen.Model.Shop.Widget.g.cs", GeneratorRun.RegistryHintName], run.HintNames);
    }

    [Fact]
    public void Model_and_receiver_in_a_file_without_nullable_annotations_compile()
    {
        const string Models = """
            #nullable disable
            namespace Shop;

            public sealed class WidgetPayload
            {
                public string Name { get; set; }
            }

            [Replicated(Category.OrganizationUpdate)]
            internal partial class Widget
            {
                public long Id { get; set; }

                public long OrganizationId { get; set; }

                public string Name { get; set; }

                public WidgetPayload PayloadForUpdate() => new() { Name = Name };

                public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;

                public static Task HandleDeletionAsync(
                    DeletionContext<WidgetPayload> context,
                    CancellationToken cancellationToken) =>
                    Task.CompletedTask;
            }

            internal static class Receivers
            {
                [OutboxReceiver(Category.AuditLogEvent)]
                internal static Task RecordAsync(WidgetPayload entry, OutboxMessage message, CancellationToken token) =>
                    Task.CompletedTask;
            }
            """;

        var run = GeneratorRun.Of(TestSources.Registry, Models);

        run.AssertClean();
        Assert.Equal(["Cell 2 Shop.Widget", "Cell 5 Shop.Receivers.RecordAsync"], run.LoadRegistry().Bindings());
    }

    [Fact]
    public void Models_whose_names_differ_only_in_where_an_underscore_stands_each_get_a_source()
    {
        const string Models = """
            namespace Shop_Billing
            {
                [Replicated(Shop.Category.OrganizationUpdate)]
                public partial class Plan
                {
                    public long Id { get; set; }

                    public long OrganizationId { get; set; }

                    public Task HandleReplicationAsync(ReplicationContext context, CancellationToken token) =>
                        Task.CompletedTask;

                    public static Task HandleDeletionAsync(DeletionContext context, CancellationToken token) =>
                        Task.CompletedTask;
                }
            }

            namespace Shop
            {
                [Replicated(Category.ProjectUpdate)]
                public partial class Billing_Plan
                {
                    public long Id { get; set; }

                    public long OrganizationId { get; set; }

                    public Task HandleReplicationAsync(ReplicationContext context, CancellationToken token) =>
                        Task.CompletedTask;

                    public static Task HandleDeletionAsync(DeletionContext context, CancellationToken token) =>
                        Task.CompletedTask;
                }
            }
            """;

        var run = GeneratorRun.Of(TestSources.Registry, Models);

        run.AssertClean();
        Assert.Equal(
            [
                "OutboxGen.Model.Shop.Billing_Plan.g.cs",
                "OutboxGen.Model.Shop_Billing.Plan.g.cs",
                GeneratorRun.RegistryHintName,
            ],
            run.HintNames);
        Assert.Equal(["Cell 2 Shop_Billing.Plan", "Cell 8 Shop.Billing_Plan"], run.LoadRegistry().Bindings());
    }
}
