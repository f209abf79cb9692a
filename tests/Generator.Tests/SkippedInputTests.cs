namespace OutboxGen.Generator.Tests;

/// <summary>
/// Input that breaks a rule is left out whole, never emitted half-way, and what the generator does emit still
/// compiles. The analyzers say why; these tests pin down what is left out.
/// </summary>
public sealed class SkippedInputTests
{
    private const string Id = "public long Id { get; set; }";

    private const string OrganizationId = "public long OrganizationId { get; set; }";

    private const string Replication = """
        public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
            Task.CompletedTask;
        """;

    private const string Deletion = """
        public static Task HandleDeletionAsync(DeletionContext context, CancellationToken cancellationToken) =>
            Task.CompletedTask;
        """;

    private const string Payload = """
        public WidgetPayload PayloadForUpdate() => new(Id);
        """;

    /// <summary>A valid model beside the broken one, to show that only the broken one is left out.</summary>
    private const string Gadget = """
        namespace Shop;

        public sealed record WidgetPayload(long Id);

        [Replicated(Category.ProjectUpdate)]
        public partial class Gadget
        {
            public long Id { get; set; }

            public long OrganizationId { get; set; }

            public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                Task.CompletedTask;

            public static Task HandleDeletionAsync(DeletionContext context, CancellationToken cancellationToken) =>
                Task.CompletedTask;
        }
        """;

    private static readonly int[] ShopScopes = [0, 1, 2, 3];

    private static readonly int[] ShopCategories = [0, 1, 2, 3, 5, 8, 11, 14, 20];

    private static readonly Dictionary<string, string> BrokenModels = new()
    {
        ["not partial"] = """
            namespace Shop;

            [Replicated(Category.OrganizationUpdate)]
            public class Widget
            {
                public long Id { get; set; }

                public long OrganizationId { get; set; }

                public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;

                public static Task HandleDeletionAsync(DeletionContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;
            }
            """,
        ["containing type not partial"] = """
            namespace Shop;

            public class Outer
            {
                [Replicated(Category.OrganizationUpdate)]
                public partial class Widget
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
            """,
        ["generic"] = """
            namespace Shop;

            [Replicated(Category.OrganizationUpdate)]
            public partial class Widget<T>
            {
                public long Id { get; set; }

                public long OrganizationId { get; set; }

                public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;

                public static Task HandleDeletionAsync(DeletionContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;
            }
            """,
        ["nested in a generic type"] = """
            namespace Shop;

            public partial class Outer<T>
            {
                [Replicated(Category.OrganizationUpdate)]
                public partial class Widget
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
            """,
        ["abstract"] = Model(
            "[Replicated(Category.OrganizationUpdate)]",
            "public abstract partial class Widget",
            Id,
            OrganizationId,
            Replication,
            Deletion),
        ["private nested type"] = """
            namespace Shop;

            public partial class Outer
            {
                [Replicated(Category.OrganizationUpdate)]
                private partial class Widget
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
            """,
        ["category argument is no enum member"] = Model(
            "[Replicated(2)]",
            "public partial class Widget",
            Id,
            OrganizationId,
            Replication,
            Deletion),
        ["undefined silo"] = Model(
            "[Replicated(Category.OrganizationUpdate, Silo = (OutboxSilo)2)]",
            "public partial class Widget",
            Id,
            OrganizationId,
            Replication,
            Deletion),
        ["no replication handler"] = Widget(Id, OrganizationId, Deletion),
        ["no deletion handler"] = Widget(Id, OrganizationId, Replication),
        ["static replication handler"] = Widget(
            Id,
            OrganizationId,
            Deletion,
            """
            public static Task HandleReplicationAsync(ReplicationContext context, CancellationToken token) =>
                Task.CompletedTask;
            """),
        ["private replication handler"] = Widget(
            Id,
            OrganizationId,
            Deletion,
            """
            private Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                Task.CompletedTask;
            """),
        ["replication handler returning void"] = Widget(
            Id,
            OrganizationId,
            Deletion,
            """
            public void HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken)
            {
            }
            """),
        ["replication handler taking a deletion context"] = Widget(
            Id,
            OrganizationId,
            Deletion,
            """
            public Task HandleReplicationAsync(DeletionContext context, CancellationToken cancellationToken) =>
                Task.CompletedTask;
            """),
        ["replication handler without a cancellation token"] = Widget(
            Id,
            OrganizationId,
            Deletion,
            """
            public Task HandleReplicationAsync(ReplicationContext context) => Task.CompletedTask;
            """),
        ["generic replication handler"] = Widget(
            Id,
            OrganizationId,
            Deletion,
            """
            public Task HandleReplicationAsync<T>(ReplicationContext context, CancellationToken cancellationToken) =>
                Task.CompletedTask;
            """),
        ["replication handler with a ref parameter"] = Widget(
            Id,
            OrganizationId,
            Deletion,
            """
            public Task HandleReplicationAsync(ReplicationContext context, ref CancellationToken cancellationToken) =>
                Task.CompletedTask;
            """),
        ["instance deletion handler"] = Widget(
            Id,
            OrganizationId,
            Replication,
            """
            public Task HandleDeletionAsync(DeletionContext context, CancellationToken cancellationToken) =>
                Task.CompletedTask;
            """),
        ["generic deletion handler"] = Widget(
            Id,
            OrganizationId,
            Replication,
            """
            public static Task HandleDeletionAsync<T>(DeletionContext context, CancellationToken cancellationToken) =>
                Task.CompletedTask;
            """),
        ["deletion handler with an out parameter"] = Widget(
            Id,
            OrganizationId,
            Replication,
            """
            public static Task HandleDeletionAsync(DeletionContext context, out CancellationToken cancellationToken)
            {
                cancellationToken = default;
                return Task.CompletedTask;
            }
            """),
        ["plain deletion context beside a payload"] = Widget(Id, OrganizationId, Payload, Replication, Deletion),
        ["payload deletion context without a payload"] = Widget(
            Id,
            OrganizationId,
            Replication,
            """
            public static Task HandleDeletionAsync(
                DeletionContext<WidgetPayload> context,
                CancellationToken cancellationToken) =>
                Task.CompletedTask;
            """),
        ["deletion context of another payload type"] = Widget(
            Id,
            OrganizationId,
            Payload,
            Replication,
            """
            public static Task HandleDeletionAsync(
                DeletionContext<string> context,
                CancellationToken cancellationToken) =>
                Task.CompletedTask;
            """),
        ["internal payload method beside a payload deletion context"] = Widget(
            Id,
            OrganizationId,
            "internal WidgetPayload PayloadForUpdate() => new(Id);",
            Replication,
            """
            public static Task HandleDeletionAsync(
                DeletionContext<WidgetPayload> context,
                CancellationToken cancellationToken) =>
                Task.CompletedTask;
            """),
        ["no shard-key member"] = Widget(Id, Replication, Deletion),
        ["non-public shard-key member"] = Widget(
            Id,
            "internal long OrganizationId { get; set; }",
            Replication,
            Deletion),
        ["static shard-key member"] = Widget(
            Id,
            "public static long OrganizationId { get; set; }",
            Replication,
            Deletion),
        ["shard key of type string"] = Widget(
            Id,
            "public string OrganizationId { get; set; } = \"\";",
            Replication,
            Deletion),
        ["shard key of type ulong"] = Widget(Id, "public ulong OrganizationId { get; set; }", Replication, Deletion),
        ["nullable shard key"] = Widget(Id, "public long? OrganizationId { get; set; }", Replication, Deletion),
        ["shard key that is a method"] = Widget(Id, "public long OrganizationId() => 1;", Replication, Deletion),
        ["no key"] = Widget(OrganizationId, Replication, Deletion),
        ["key of type Guid"] = Widget("public Guid Id { get; set; }", OrganizationId, Replication, Deletion),
        ["key of type string"] = Widget(
            "public string WidgetId { get; set; } = \"\";",
            OrganizationId,
            Replication,
            Deletion),
        ["two key members"] = Widget(
            "[System.ComponentModel.DataAnnotations.Key] public long Id { get; set; }",
            "[System.ComponentModel.DataAnnotations.Key] public long Code { get; set; }",
            OrganizationId,
            Replication,
            Deletion),
        ["scope without a shard key"] = Model(
            "[Replicated(Category.SendSignal)]",
            "public partial class Widget",
            Id,
            OrganizationId,
            Replication,
            Deletion),
        ["retired category"] = Model(
            "[Replicated(Category.DisableAuthProvider)]",
            "public partial class Widget",
            Id,
            OrganizationId,
            Replication,
            Deletion),
        ["retired category in a retired scope"] = Model(
            "[Replicated(Category.WebhookProxy)]",
            "public partial class Widget",
            Id,
            OrganizationId,
            Replication,
            Deletion),
        ["control model without target cells"] = Model(
            "[Replicated(Category.OrganizationUpdate, Silo = OutboxSilo.Control)]",
            "public partial class Widget",
            Id,
            OrganizationId,
            Replication,
            Deletion),
        ["control model with static target cells"] = Model(
            "[Replicated(Category.OrganizationUpdate, Silo = OutboxSilo.Control)]",
            "public partial class Widget",
            Id,
            OrganizationId,
            Replication,
            Deletion,
            "public static IEnumerable<string> TargetCells() => [\"us\"];"),
        ["control model with target cells that are not strings"] = Model(
            "[Replicated(Category.OrganizationUpdate, Silo = OutboxSilo.Control)]",
            "public partial class Widget",
            Id,
            OrganizationId,
            Replication,
            Deletion,
            "public IEnumerable<int> TargetCells() => [1];"),
        ["control model with target cells that may be null"] = Model(
            "[Replicated(Category.OrganizationUpdate, Silo = OutboxSilo.Control)]",
            "public partial class Widget",
            Id,
            OrganizationId,
            Replication,
            Deletion,
            "public List<string?> TargetCells() => [null];"),
    };

    private static readonly Dictionary<string, string> BrokenReceivers = new()
    {
        ["instance method"] = Receivers(
            """
            [OutboxReceiver(Category.AuditLogEvent)]
            public Task RecordAsync(string entry, OutboxMessage message, CancellationToken cancellationToken) =>
                Task.CompletedTask;
            """),
        ["private method"] = Receivers(
            """
            [OutboxReceiver(Category.AuditLogEvent)]
            private static Task RecordAsync(string entry, OutboxMessage message, CancellationToken cancellationToken) =>
                Task.CompletedTask;
            """),
        ["method returning void"] = Receivers(
            """
            [OutboxReceiver(Category.AuditLogEvent)]
            public static void RecordAsync(string entry, OutboxMessage message, CancellationToken cancellationToken)
            {
            }
            """),
        ["method returning a task of a value"] = Receivers(
            """
            [OutboxReceiver(Category.AuditLogEvent)]
            public static Task<int> RecordAsync(string entry, OutboxMessage message, CancellationToken token) =>
                Task.FromResult(0);
            """),
        ["two parameters"] = Receivers(
            """
            [OutboxReceiver(Category.AuditLogEvent)]
            public static Task RecordAsync(string entry, OutboxMessage message) => Task.CompletedTask;
            """),
        ["no message parameter"] = Receivers(
            """
            [OutboxReceiver(Category.AuditLogEvent)]
            public static Task RecordAsync(string entry, string message, CancellationToken cancellationToken) =>
                Task.CompletedTask;
            """),
        ["no cancellation token"] = Receivers(
            """
            [OutboxReceiver(Category.AuditLogEvent)]
            public static Task RecordAsync(string entry, OutboxMessage message, int cancellationToken) =>
                Task.CompletedTask;
            """),
        ["ref payload"] = Receivers(
            """
            [OutboxReceiver(Category.AuditLogEvent)]
            public static Task RecordAsync(ref string entry, OutboxMessage message, CancellationToken token) =>
                Task.CompletedTask;
            """),
        ["generic method"] = Receivers(
            """
            [OutboxReceiver(Category.AuditLogEvent)]
            public static Task RecordAsync<T>(T entry, OutboxMessage message, CancellationToken cancellationToken) =>
                Task.CompletedTask;
            """),
        ["method of a generic type"] = """
            namespace Shop;

            public static class Receivers<T>
            {
                [OutboxReceiver(Category.AuditLogEvent)]
                public static Task RecordAsync(string entry, OutboxMessage message, CancellationToken token) =>
                    Task.CompletedTask;
            }
            """,
        ["method of a private nested type"] = """
            namespace Shop;

            public static class Outer
            {
                private static class Receivers
                {
                    public sealed record Entry(string Action);

                    [OutboxReceiver(Category.AuditLogEvent)]
                    public static Task RecordAsync(Entry entry, OutboxMessage message, CancellationToken token) =>
                        Task.CompletedTask;
                }
            }
            """,
        ["category argument is no category"] = Receivers(
            """
            [OutboxReceiver(Scope.Organization)]
            public static Task RecordAsync(string entry, OutboxMessage message, CancellationToken token) =>
                Task.CompletedTask;
            """),
        ["undeclared category number"] = Receivers(
            """
            [OutboxReceiver((Category)4)]
            public static Task RecordAsync(string entry, OutboxMessage message, CancellationToken token) =>
                Task.CompletedTask;
            """),
        ["undefined silo"] = Receivers(
            """
            [OutboxReceiver(Category.AuditLogEvent, Silo = (OutboxSilo)3)]
            public static Task RecordAsync(string entry, OutboxMessage message, CancellationToken token) =>
                Task.CompletedTask;
            """),
    };

    public static TheoryData<string> BrokenModelNames => new(BrokenModels.Keys.Order(StringComparer.Ordinal));

    public static TheoryData<string> BrokenReceiverNames => new(BrokenReceivers.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(BrokenModelNames))]
    public void Model_that_breaks_a_rule_gets_no_source_and_no_receiver(string rule)
    {
        var source = BrokenModels[rule];

        var run = GeneratorRun.Of(TestSources.Registry, Gadget, source);

        run.AssertClean();
        Assert.Equal(["OutboxGen.Model.Shop.Gadget.g.cs", GeneratorRun.RegistryHintName], run.HintNames);
        var registry = run.LoadRegistry();
        Assert.Equal(ShopScopes, registry.ScopeNumbers());
        Assert.Equal(ShopCategories, registry.CategoryNumbers());
        Assert.Equal(["Cell 8 Shop.Gadget"], registry.Bindings());
    }

    [Theory]
    [MemberData(nameof(BrokenReceiverNames))]
    public void Receiver_that_breaks_a_rule_is_not_registered(string rule)
    {
        var source = BrokenReceivers[rule];

        var run = GeneratorRun.Of(TestSources.Registry, Gadget, source);

        run.AssertClean();
        Assert.Equal(["OutboxGen.Model.Shop.Gadget.g.cs", GeneratorRun.RegistryHintName], run.HintNames);
        var registry = run.LoadRegistry();
        Assert.Equal(ShopScopes, registry.ScopeNumbers());
        Assert.Equal(ShopCategories, registry.CategoryNumbers());
        Assert.Equal(["Cell 8 Shop.Gadget"], registry.Bindings());
    }

    [Fact]
    public void Category_claimed_by_two_receivers_is_bound_to_neither()
    {
        const string Source = """
            namespace Shop;

            public static class AuditLogReceivers
            {
                [OutboxReceiver(Category.AuditLogEvent)]
                public static Task RecordAsync(string entry, OutboxMessage message, CancellationToken token) =>
                    Task.CompletedTask;
            }

            public static class AuditLogMirror
            {
                [OutboxReceiver(Category.AuditLogEvent)]
                public static Task MirrorAsync(string entry, OutboxMessage message, CancellationToken token) =>
                    Task.CompletedTask;
            }
            """;

        var run = GeneratorRun.Of(TestSources.Registry, Gadget, Source);

        run.AssertClean();
        Assert.Equal(["OutboxGen.Model.Shop.Gadget.g.cs", GeneratorRun.RegistryHintName], run.HintNames);
        Assert.Equal(["Cell 8 Shop.Gadget"], run.LoadRegistry().Bindings());
    }

    [Fact]
    public void Category_claimed_by_a_model_and_a_receiver_is_bound_to_neither_and_the_model_gets_no_source()
    {
        const string Source = """
            namespace Shop;

            public static class ProjectReceivers
            {
                [OutboxReceiver(Category.ProjectUpdate)]
                public static Task UpdateAsync(string project, OutboxMessage message, CancellationToken token) =>
                    Task.CompletedTask;
            }
            """;

        var run = GeneratorRun.Of(TestSources.Registry, Gadget, Source);

        run.AssertClean();
        Assert.Equal([GeneratorRun.RegistryHintName], run.HintNames);
        Assert.Empty(run.LoadRegistry().Bindings());
    }

    [Fact]
    public void Category_received_once_in_each_silo_is_bound_in_both()
    {
        const string Source = """
            namespace Shop;

            public static class SignalReceivers
            {
                [OutboxReceiver(Category.SendSignal)]
                public static Task InCellAsync(string signal, OutboxMessage message, CancellationToken token) =>
                    Task.CompletedTask;

                [OutboxReceiver(Category.SendSignal, Silo = OutboxSilo.Control)]
                public static Task InControlAsync(string signal, OutboxMessage message, CancellationToken token) =>
                    Task.CompletedTask;
            }
            """;

        var run = GeneratorRun.Of(TestSources.Registry, Source);

        run.AssertClean();
        Assert.Equal(["OutboxGen.Payload.stringSerializer.g.cs", GeneratorRun.RegistryHintName], run.HintNames);
        Assert.Equal(
            ["Cell 14 Shop.SignalReceivers.InCellAsync", "Control 14 Shop.SignalReceivers.InControlAsync"],
            run.LoadRegistry().Bindings());
    }

    [Fact]
    public void Receivers_that_overload_one_method_name_are_each_bound()
    {
        const string Source = """
            namespace Shop;

            public sealed record AuditLogEntry(string Action);

            public sealed record Signal(string Name);

            public static class Receivers
            {
                [OutboxReceiver(Category.AuditLogEvent)]
                public static Task ReceiveAsync(AuditLogEntry entry, OutboxMessage message, CancellationToken token) =>
                    Task.CompletedTask;

                [OutboxReceiver(Category.SendSignal)]
                public static Task ReceiveAsync(Signal signal, OutboxMessage message, CancellationToken token) =>
                    Task.CompletedTask;

                [OutboxReceiver(Category.SendSignal, Silo = OutboxSilo.Control)]
                public static Task ReceiveAsync(string signal, OutboxMessage message, CancellationToken token) =>
                    Task.CompletedTask;
            }
            """;

        var run = GeneratorRun.Of(TestSources.Registry, Source);

        run.AssertClean();
        Assert.Equal(
            [
                "Cell 5 Shop.Receivers.ReceiveAsync",
                "Cell 14 Shop.Receivers.ReceiveAsync",
                "Control 14 Shop.Receivers.ReceiveAsync",
            ],
            run.LoadRegistry().Bindings());
    }

    [Fact]
    public void Category_with_an_undeclared_scope_value_is_left_out_with_its_model()
    {
        const string Source = """
            namespace Shop;

            public enum Scope
            {
                [OutboxScope(ShardKey = "OrganizationId")]
                Organization = 0,
            }

            public enum Category
            {
                [OutboxCategory(Scope.Organization)]
                ProjectUpdate = 8,

                [OutboxCategory((Scope)7)]
                Orphan = 9,
            }

            [Replicated(Category.Orphan)]
            public partial class Widget
            {
                public long Id { get; set; }

                public long OrganizationId { get; set; }

                public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;

                public static Task HandleDeletionAsync(DeletionContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;
            }
            """;

        var run = GeneratorRun.Of(Gadget, Source);

        run.AssertClean();
        Assert.Equal(["OutboxGen.Model.Shop.Gadget.g.cs", GeneratorRun.RegistryHintName], run.HintNames);
        var registry = run.LoadRegistry();
        Assert.Equal([0], registry.ScopeNumbers());
        Assert.Equal([8], registry.CategoryNumbers());
        Assert.Equal(["Cell 8 Shop.Gadget"], registry.Bindings());
    }

    [Fact]
    public void Category_whose_scope_argument_is_no_scope_is_left_out()
    {
        const string Source = """
            namespace Shop;

            public enum Scope
            {
                [OutboxScope(ShardKey = "OrganizationId")]
                Organization = 0,
            }

            public enum Category
            {
                [OutboxCategory(Scope.Organization)]
                ProjectUpdate = 8,

                [OutboxCategory(0)]
                Number = 9,

                [OutboxCategory(Category.ProjectUpdate)]
                OtherCategory = 10,
            }
            """;

        var run = GeneratorRun.Of(Gadget, Source);

        run.AssertClean();
        Assert.Equal(["OutboxGen.Model.Shop.Gadget.g.cs", GeneratorRun.RegistryHintName], run.HintNames);
        Assert.Equal([8], run.LoadRegistry().CategoryNumbers());
    }

    [Fact]
    public void Categories_that_share_a_number_are_both_left_out_with_their_models()
    {
        const string Source = """
            namespace Shop;

            public enum Scope
            {
                [OutboxScope(ShardKey = "OrganizationId")]
                Organization = 0,
            }

            public enum Category
            {
                [OutboxCategory(Scope.Organization)]
                ProjectUpdate = 8,

                [OutboxCategory(Scope.Organization)]
                TeamUpdate = 11,

                [OutboxCategory(Scope.Organization)]
                TeamRename = 11,
            }

            [Replicated(Category.TeamUpdate)]
            public partial class Widget
            {
                public long Id { get; set; }

                public long OrganizationId { get; set; }

                public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;

                public static Task HandleDeletionAsync(DeletionContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;
            }
            """;

        var run = GeneratorRun.Of(Gadget, Source);

        run.AssertClean();
        Assert.Equal(["OutboxGen.Model.Shop.Gadget.g.cs", GeneratorRun.RegistryHintName], run.HintNames);
        var registry = run.LoadRegistry();
        Assert.Equal([8], registry.CategoryNumbers());
        Assert.Equal(["Cell 8 Shop.Gadget"], registry.Bindings());
    }

    [Fact]
    public void Scopes_that_share_a_number_are_both_left_out_with_their_categories()
    {
        const string Source = """
            namespace Shop;

            public enum Scope
            {
                [OutboxScope(ShardKey = "OrganizationId")]
                Organization = 0,

                [OutboxScope(ShardKey = "UserId")]
                User = 1,

                [OutboxScope(ShardKey = "UserId")]
                Person = 1,
            }

            public enum Category
            {
                [OutboxCategory(Scope.Organization)]
                ProjectUpdate = 8,

                [OutboxCategory(Scope.User)]
                UserUpdate = 0,
            }
            """;

        var run = GeneratorRun.Of(Gadget, Source);

        run.AssertClean();
        Assert.Equal(["OutboxGen.Model.Shop.Gadget.g.cs", GeneratorRun.RegistryHintName], run.HintNames);
        var registry = run.LoadRegistry();
        Assert.Equal([0], registry.ScopeNumbers());
        Assert.Equal([8], registry.CategoryNumbers());
    }

    [Fact]
    public void Numbers_outside_the_int_range_are_left_out()
    {
        const string Source = """
            namespace Shop;

            public enum Scope : long
            {
                [OutboxScope(ShardKey = "OrganizationId")]
                Organization = 0,

                [OutboxScope(ShardKey = "UserId")]
                Huge = 1L << 40,
            }

            public enum Category : long
            {
                [OutboxCategory(Scope.Organization)]
                ProjectUpdate = 8,

                [OutboxCategory(Scope.Organization)]
                Huge = 1L << 33,

                [OutboxCategory(Scope.Huge)]
                InHugeScope = 9,
            }
            """;

        var run = GeneratorRun.Of(Gadget, Source);

        run.AssertClean();
        var registry = run.LoadRegistry();
        Assert.Equal([0], registry.ScopeNumbers());
        Assert.Equal([8], registry.CategoryNumbers());
        Assert.Equal(["Cell 8 Shop.Gadget"], registry.Bindings());
    }

    [Fact]
    public void Compilation_without_outbox_attributes_gets_no_source()
    {
        const string Source = """
            namespace Shop;

            public sealed class Plain
            {
                public long Id { get; set; }
            }
            """;

        var run = GeneratorRun.Of(Source);

        run.AssertClean();
        Assert.Empty(run.HintNames);
    }

    /// <summary>A model in namespace Shop on <c>Category.OrganizationUpdate</c> with the given members.</summary>
    private static string Widget(params string[] members) =>
        Model("[Replicated(Category.OrganizationUpdate)]", "public partial class Widget", members);

    private static string Model(string attribute, string declaration, params string[] members) =>
        "namespace Shop;\n\n" + attribute + "\n" + declaration + "\n{\n" + Indent(members) + "}\n";

    private static string Receivers(params string[] methods) =>
        "namespace Shop;\n\npublic sealed class Receivers\n{\n" + Indent(methods) + "}\n";

    private static string Indent(string[] members) => string.Join(
        "\n",
        members.Select(member => string.Concat(member.Split('\n').Select(line => "    " + line + "\n"))));
}
