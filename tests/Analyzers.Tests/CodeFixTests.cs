using OutboxGen.CodeFixes;

namespace OutboxGen.Analyzers.Tests;

public sealed class CodeFixTests
{
    [Fact]
    public async Task Making_a_model_partial_adds_the_modifier_before_the_keyword()
    {
        const string before = """
            using System.Threading;
            using System.Threading.Tasks;
            using OutboxGen;

            [Replicated(Category.OrganizationMemberUpdate)]
            public sealed class {|OBX101:Member|}
            {
                public long Id { get; set; }
                public long OrganizationId { get; set; }

                public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;

                public static Task HandleDeletionAsync(DeletionContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;
            }
            """;
        var after = before.Replace("public sealed class {|OBX101:Member|}", "public sealed partial class Member");

        await Verify<ReplicatedModelAnalyzer, AddPartialModifierCodeFixProvider>.FixAsync(
            before,
            after,
            additionalSource: Sources.Registry);
    }

    [Fact]
    public async Task Making_a_containing_type_partial_keeps_its_leading_trivia()
    {
        const string before = """
            using System.Threading;
            using System.Threading.Tasks;
            using OutboxGen;

            // Models of the cell silo.
            class {|OBX101:Cell|}
            {
                [Replicated(Category.OrganizationMemberUpdate)]
                public partial class Member
                {
                    public long Id { get; set; }
                    public long OrganizationId { get; set; }

                    public Task HandleReplicationAsync(ReplicationContext context, CancellationToken ct) =>
                        Task.CompletedTask;

                    public static Task HandleDeletionAsync(DeletionContext context, CancellationToken ct) =>
                        Task.CompletedTask;
                }
            }
            """;
        var after = before.Replace("class {|OBX101:Cell|}", "partial class Cell");

        await Verify<ReplicatedModelAnalyzer, AddPartialModifierCodeFixProvider>.FixAsync(
            before,
            after,
            additionalSource: Sources.Registry);
    }

    [Fact]
    public async Task Adding_handler_stubs_adds_every_missing_handler()
    {
        const string before = """
            using OutboxGen;

            [Replicated(Category.OrganizationMemberUpdate)]
            public partial class {|OBX103:{|OBX103:Member|}|}
            {
                public long Id { get; set; }
                public long OrganizationId { get; set; }
            }
            """;
        const string after = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using OutboxGen;

            [Replicated(Category.OrganizationMemberUpdate)]
            public partial class Member
            {
                public long Id { get; set; }
                public long OrganizationId { get; set; }

                public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken)
                {
                    throw new NotImplementedException();
                }

                public static Task HandleDeletionAsync(DeletionContext context, CancellationToken cancellationToken)
                {
                    throw new NotImplementedException();
                }
            }
            """;

        await Verify<ReplicatedModelAnalyzer, AddHandlerStubsCodeFixProvider>.FixAsync(
            before,
            after,
            additionalSource: Sources.Registry);
    }

    [Fact]
    public async Task Adding_a_handler_stub_that_hides_an_inherited_handler_marks_it_new()
    {
        const string before = """
            using System.Threading;
            using System.Threading.Tasks;
            using OutboxGen;

            public class ReplicatedBase
            {
                public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;
            }

            [Replicated(Category.OrganizationMemberUpdate)]
            public partial class {|OBX103:Member|} : ReplicatedBase
            {
                public long Id { get; set; }
                public long OrganizationId { get; set; }

                public static Task HandleDeletionAsync(DeletionContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;
            }
            """;
        const string after = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using OutboxGen;

            public class ReplicatedBase
            {
                public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;
            }

            [Replicated(Category.OrganizationMemberUpdate)]
            public partial class Member : ReplicatedBase
            {
                public long Id { get; set; }
                public long OrganizationId { get; set; }

                public static Task HandleDeletionAsync(DeletionContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;

                public new Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken)
                {
                    throw new NotImplementedException();
                }
            }
            """;

        await Verify<ReplicatedModelAnalyzer, AddHandlerStubsCodeFixProvider>.FixAsync(
            before,
            after,
            additionalSource: Sources.Registry);
    }

    [Fact]
    public async Task Adding_handler_stubs_uses_the_payload_type_and_adds_target_cells_to_a_control_model()
    {
        const string before = """
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using OutboxGen;

            [Replicated(Category.OrganizationMemberUpdate, Silo = OutboxSilo.Control)]
            public partial class {|OBX103:{|OBX103:Member|}|}
            {
                public long Id { get; set; }
                public long OrganizationId { get; set; }

                public MemberPayload PayloadForUpdate() => new("");

                public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;
            }
            """;
        const string after = """
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using OutboxGen;

            [Replicated(Category.OrganizationMemberUpdate, Silo = OutboxSilo.Control)]
            public partial class Member
            {
                public long Id { get; set; }
                public long OrganizationId { get; set; }

                public MemberPayload PayloadForUpdate() => new("");

                public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;

                public static Task HandleDeletionAsync(
                    DeletionContext<MemberPayload> context,
                    CancellationToken cancellationToken)
                {
                    throw new NotImplementedException();
                }

                public IEnumerable<string> TargetCells()
                {
                    throw new NotImplementedException();
                }
            }
            """;

        await Verify<ReplicatedModelAnalyzer, AddHandlerStubsCodeFixProvider>.FixAsync(
            before,
            after,
            additionalSource: Sources.Registry);
    }

    private const string Scopes = """
        using System.Threading;
        using System.Threading.Tasks;
        using OutboxGen;

        public enum Scope
        {
            [OutboxScope(ShardKey = "OrganizationId")] Organization = 0,
            [OutboxScope(ShardKey = "UserId")] User = 1,
            [OutboxScope(Retired = true)] Webhook = 2,
        }

        public static class Receivers
        {
            [OutboxReceiver(Category.UserUpdate)]
            public static Task OnUserAsync(string payload, OutboxMessage message, CancellationToken ct) =>
                Task.CompletedTask;

            [OutboxReceiver(Category.Draft)]
            public static Task OnDraftAsync(string payload, OutboxMessage message, CancellationToken ct) =>
                Task.CompletedTask;
        }
        """;

    [Theory]
    [InlineData(0, "Organization")]
    [InlineData(1, "User")]
    public async Task Registering_a_category_offers_each_current_scope(int action, string scope)
    {
        const string before = """
            using OutboxGen;

            public enum Category
            {
                [OutboxCategory(Scope.User)] UserUpdate = 0,
                {|OBX001:Draft|} = 1,
            }
            """;
        var after = $$"""
            using OutboxGen;

            public enum Category
            {
                [OutboxCategory(Scope.User)] UserUpdate = 0,
                [OutboxCategory(Scope.{{scope}})] Draft = 1,
            }
            """;

        await Verify<RegistryAnalyzer, RegisterCategoryCodeFixProvider>.FixAsync(
            before,
            after,
            action,
            additionalSource: Scopes);
    }

    [Fact]
    public async Task Registering_a_category_replaces_an_undeclared_scope()
    {
        const string before = """
            using OutboxGen;

            public enum Category
            {
                [OutboxCategory(Scope.User)] UserUpdate = 0,
                [OutboxCategory({|OBX003:(Scope)9|})] Draft = 1,
            }
            """;
        const string after = """
            using OutboxGen;

            public enum Category
            {
                [OutboxCategory(Scope.User)] UserUpdate = 0,
                [OutboxCategory(Scope.Organization)] Draft = 1,
            }
            """;

        await Verify<RegistryAnalyzer, RegisterCategoryCodeFixProvider>.FixAsync(
            before,
            after,
            additionalSource: Scopes);
    }
}
