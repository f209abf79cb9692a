namespace OutboxGen.Analyzers.Tests;

public sealed class RegistryAnalyzerTests
{
    private const string Usings = """
        using System.Threading;
        using System.Threading.Tasks;
        using OutboxGen;

        """;

    private const string Scopes = """
        public enum Scope
        {
            [OutboxScope(ShardKey = "OrganizationId")] Organization = 0,
            [OutboxScope(ShardKey = "UserId")] User = 1,
            [OutboxScope(Retired = true)] Webhook = 2,
        }

        """;

    [Fact]
    public async Task The_shared_registry_reports_nothing()
    {
        await Verify<RegistryAnalyzer>.DiagnosticsAsync(Sources.Registry, Sources.Member);
    }

    [Fact]
    public async Task A_category_enum_member_without_a_scope_is_reported()
    {
        var source = Usings + Scopes + """
            public enum Category
            {
                [OutboxCategory(Scope.User, Retired = true)] UserUpdate = 0,
                {|OBX001:Draft|} = 1,
            }
            """;

        await Verify<RegistryAnalyzer>.DiagnosticsAsync(source);
    }

    [Fact]
    public async Task An_enum_without_categories_is_not_a_category_enum()
    {
        var source = Usings + Scopes + """
            public enum Color { Red = 0, Green = 1 }
            """;

        await Verify<RegistryAnalyzer>.DiagnosticsAsync(source);
    }

    [Fact]
    public async Task A_scope_argument_that_is_no_scope_enum_member_is_reported()
    {
        var source = Usings + Scopes + """
            public enum Color { Red = 0 }

            public enum Category
            {
                [OutboxCategory({|OBX002:5|}, Retired = true)] Number = 0,
                [OutboxCategory({|OBX002:Color.Red|}, Retired = true)] Colored = 1,
                [OutboxCategory({|OBX002:"Organization"|}, Retired = true)] Text = 2,
            }
            """;

        await Verify<RegistryAnalyzer>.DiagnosticsAsync(source);
    }

    [Fact]
    public async Task A_scope_value_no_scope_member_declares_is_reported()
    {
        var source = Usings + """
            public enum Scope
            {
                [OutboxScope(ShardKey = "OrganizationId")] Organization = 0,
                Unregistered = 1,
            }

            public enum Category
            {
                [OutboxCategory({|OBX003:(Scope)7|}, Retired = true)] Cast = 0,
                [OutboxCategory({|OBX003:Scope.Unregistered|}, Retired = true)] Undeclared = 1,
                [OutboxCategory(Scope.Organization, Retired = true)] Declared = 2,
            }
            """;

        await Verify<RegistryAnalyzer>.DiagnosticsAsync(source);
    }

    [Fact]
    public async Task The_undeclared_scope_message_names_the_value_and_the_enum()
    {
        var source = Usings + Scopes + """
            public enum Category
            {
                [OutboxCategory((Scope)7, Retired = true)] Cast = 0,
            }
            """;
        var expected = Verify<RegistryAnalyzer>.Diagnostic(DiagnosticDescriptors.CategoryScopeUndeclared)
            .WithSpan(12, 21, 12, 29)
            .WithArguments("Cast", "7", "Scope");

        await Verify<RegistryAnalyzer>.DiagnosticsAsync(source, expected);
    }

    [Fact]
    public async Task A_category_enum_mixing_two_scope_enums_is_reported()
    {
        var source = Usings + Scopes + """
            public enum TenantScope { [OutboxScope(ShardKey = "TenantId")] Tenant = 10 }

            public enum Category
            {
                [OutboxCategory(Scope.User, Retired = true)] UserUpdate = 0,
                [OutboxCategory({|OBX004:TenantScope.Tenant|}, Retired = true)] TenantUpdate = 1,
            }
            """;

        await Verify<RegistryAnalyzer>.DiagnosticsAsync(source);
    }

    [Fact]
    public async Task Two_category_enums_may_each_use_their_own_scope_enum()
    {
        var source = Usings + Scopes + """
            public enum TenantScope { [OutboxScope(ShardKey = "TenantId")] Tenant = 10 }

            public enum Category { [OutboxCategory(Scope.User, Retired = true)] UserUpdate = 0 }

            public enum TenantCategory { [OutboxCategory(TenantScope.Tenant, Retired = true)] TenantUpdate = 1 }
            """;

        await Verify<RegistryAnalyzer>.DiagnosticsAsync(source);
    }

    [Fact]
    public async Task Two_categories_with_one_number_are_reported_on_the_later_one()
    {
        var source = Usings + Scopes + """
            public enum Category
            {
                [OutboxCategory(Scope.User, Retired = true)] UserUpdate = 0,
                [OutboxCategory(Scope.User, Retired = true)] {|OBX005:UserRename|} = 0,
            }

            public enum MoreCategories
            {
                [OutboxCategory(Scope.User, Retired = true)] {|OBX005:Elsewhere|} = 0,
            }
            """;

        await Verify<RegistryAnalyzer>.DiagnosticsAsync(source);
    }

    [Fact]
    public async Task The_duplicate_category_message_names_the_first_holder_of_the_number()
    {
        var source = Usings + Scopes + """
            public enum Category
            {
                [OutboxCategory(Scope.User, Retired = true)] UserUpdate = 3,
                [OutboxCategory(Scope.User, Retired = true)] UserRename = 3,
            }
            """;
        var expected = Verify<RegistryAnalyzer>.Diagnostic(DiagnosticDescriptors.DuplicateCategoryNumber)
            .WithSpan(13, 50, 13, 60)
            .WithArguments("UserRename", "3", "UserUpdate");

        await Verify<RegistryAnalyzer>.DiagnosticsAsync(source, expected);
    }

    [Fact]
    public async Task Retired_categories_keep_their_numbers_apart_from_current_ones()
    {
        var source = Usings + Scopes + """
            public enum Category
            {
                [OutboxCategory(Scope.User, Retired = true)] UserUpdate = 0,
                [OutboxCategory(Scope.User, Retired = true)] UserRename = 1,
            }
            """;

        await Verify<RegistryAnalyzer>.DiagnosticsAsync(source);
    }

    [Fact]
    public async Task Two_scopes_with_one_number_are_reported_on_the_later_one()
    {
        var source = Usings + """
            public enum Scope
            {
                [OutboxScope(ShardKey = "OrganizationId")] Organization = 0,
                [OutboxScope(ShardKey = "UserId")] {|OBX006:User|} = 0,
            }
            """;

        await Verify<RegistryAnalyzer>.DiagnosticsAsync(source);
    }

    [Fact]
    public async Task Scopes_with_distinct_numbers_are_not_reported()
    {
        await Verify<RegistryAnalyzer>.DiagnosticsAsync(Usings + Scopes);
    }

    [Fact]
    public async Task A_number_outside_the_int_range_is_reported()
    {
        var source = Usings + """
            public enum Scope : uint
            {
                [OutboxScope(ShardKey = "OrganizationId")] Organization = 0,
                [OutboxScope(Retired = true)] {|OBX007:Huge|} = 3_000_000_000,
            }

            public enum Category : long
            {
                [OutboxCategory(Scope.Organization, Retired = true)] {|OBX007:Far|} = -3_000_000_000,
                [OutboxCategory(Scope.Organization, Retired = true)] Near = 7,
            }
            """;

        await Verify<RegistryAnalyzer>.DiagnosticsAsync(source);
    }

    [Fact]
    public async Task A_category_nothing_receives_is_reported()
    {
        var source = Usings + Scopes + """
            public enum Category
            {
                [OutboxCategory(Scope.User)] {|OBX110:UserUpdate|} = 0,
            }
            """;

        await Verify<RegistryAnalyzer>.DiagnosticsAsync(source);
    }

    [Fact]
    public async Task Retired_categories_and_categories_of_retired_scopes_need_no_receiver()
    {
        var source = Usings + Scopes + """
            public enum Category
            {
                [OutboxCategory(Scope.User, Retired = true)] UserUpdate = 0,
                [OutboxCategory(Scope.Webhook)] WebhookProxy = 1,
            }
            """;

        await Verify<RegistryAnalyzer>.DiagnosticsAsync(source);
    }

    [Fact]
    public async Task A_category_received_by_a_model_or_a_method_needs_nothing_else()
    {
        var source = Usings + Scopes + """
            public enum Category
            {
                [OutboxCategory(Scope.User)] UserUpdate = 0,
                [OutboxCategory(Scope.Organization)] OrganizationUpdate = 1,
            }

            [Replicated(Category.UserUpdate)]
            public partial class User { }

            public static class Receivers
            {
                [OutboxReceiver(Category.OrganizationUpdate, Silo = OutboxSilo.Control)]
                public static Task OnOrganizationAsync(string payload, OutboxMessage message, CancellationToken ct) =>
                    Task.CompletedTask;
            }
            """;

        await Verify<RegistryAnalyzer>.DiagnosticsAsync(source);
    }

    [Fact]
    public async Task Two_receivers_of_one_category_in_one_silo_are_both_reported()
    {
        var source = Usings + Scopes + """
            public enum Category { [OutboxCategory(Scope.User)] UserUpdate = 0 }

            [Replicated({|OBX111:Category.UserUpdate|})]
            public partial class User { }

            public static class Receivers
            {
                [OutboxReceiver({|OBX111:Category.UserUpdate|})]
                public static Task OnUserAsync(string payload, OutboxMessage message, CancellationToken ct) =>
                    Task.CompletedTask;
            }
            """;

        await Verify<RegistryAnalyzer>.DiagnosticsAsync(source);
    }

    [Fact]
    public async Task The_ambiguous_receiver_message_names_the_other_receiver_and_the_silo()
    {
        var source = Usings + Scopes + """
            public enum Category { [OutboxCategory(Scope.User)] UserUpdate = 0 }

            public static class Receivers
            {
                [OutboxReceiver(Category.UserUpdate, Silo = OutboxSilo.Control)]
                public static Task FirstAsync(string payload, OutboxMessage message, CancellationToken ct) =>
                    Task.CompletedTask;

                [OutboxReceiver(Category.UserUpdate, Silo = OutboxSilo.Control)]
                public static Task SecondAsync(string payload, OutboxMessage message, CancellationToken ct) =>
                    Task.CompletedTask;
            }
            """;
        DiagnosticResult[] expected =
        [
            Verify<RegistryAnalyzer>.Diagnostic(DiagnosticDescriptors.AmbiguousReceiver)
                .WithSpan(14, 21, 14, 40)
                .WithArguments("Receivers.FirstAsync", "UserUpdate", "Control", "Receivers.SecondAsync"),
            Verify<RegistryAnalyzer>.Diagnostic(DiagnosticDescriptors.AmbiguousReceiver)
                .WithSpan(18, 21, 18, 40)
                .WithArguments("Receivers.SecondAsync", "UserUpdate", "Control", "Receivers.FirstAsync"),
        ];

        await Verify<RegistryAnalyzer>.DiagnosticsAsync([source], expected);
    }

    [Fact]
    public async Task A_cell_model_and_a_control_receiver_of_one_category_do_not_clash()
    {
        var source = Usings + Scopes + """
            public enum Category { [OutboxCategory(Scope.User)] UserUpdate = 0 }

            [Replicated(Category.UserUpdate)]
            public partial class User { }

            public static class Receivers
            {
                [OutboxReceiver(Category.UserUpdate, Silo = OutboxSilo.Control)]
                public static Task OnUserAsync(string payload, OutboxMessage message, CancellationToken ct) =>
                    Task.CompletedTask;
            }
            """;

        await Verify<RegistryAnalyzer>.DiagnosticsAsync(source);
    }
}
