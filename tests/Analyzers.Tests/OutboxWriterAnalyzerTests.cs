namespace OutboxGen.Analyzers.Tests;

public sealed class OutboxWriterAnalyzerTests
{
    private const string Context = """
        using Microsoft.EntityFrameworkCore;
        using OutboxGen;

        public static class Writer
        {
            public static void Write(DbContext context, Scope scope, Category category)
            {
        """;

    private const string End = "\n    }\n}\n";

    private static Task VerifyAsync(string body) =>
        Verify<OutboxWriterAnalyzer>.DiagnosticsAsync(Sources.Registry, Context + body + "\n    }\n}\n");

    [Fact]
    public async Task A_message_of_a_current_category_in_its_scope_reports_nothing()
    {
        await VerifyAsync("""
                    var payload = new MemberPayload("");
                    context.AddOutboxMessage(Scope.Organization, 1, Category.OrganizationUpdate, 2, payload);
                    context.AddOutboxMessage(Scope.Action, 1, Category.SendSignal, 2);
            """);
    }

    [Fact]
    public async Task A_message_whose_scope_and_category_are_not_constants_is_not_checked()
    {
        await VerifyAsync("""
                    context.AddOutboxMessage(scope, 1, category, 2);
            """);
    }

    [Fact]
    public async Task A_message_of_a_retired_category_is_reported()
    {
        await VerifyAsync("""
                    context.AddOutboxMessage(Scope.Organization, 1, {|OBX009:Category.DisableAuthProvider|}, 2);
            """);
    }

    [Fact]
    public async Task A_control_message_of_a_retired_category_is_reported()
    {
        await VerifyAsync("""
                    context.AddControlOutboxMessage(
                        "us", Scope.Organization, 1, {|OBX009:Category.DisableAuthProvider|}, 2);
            """);
    }

    [Fact]
    public async Task A_message_of_a_retired_scope_is_reported()
    {
        await VerifyAsync("""
                    context.AddOutboxMessage({|OBX009:Scope.Webhook|}, 1, Category.WebhookProxy, 2);
            """);
    }

    [Fact]
    public async Task A_message_whose_category_belongs_to_another_scope_is_reported()
    {
        var expected = Verify<OutboxWriterAnalyzer>.Diagnostic(DiagnosticDescriptors.WriterCategoryNotInScope)
            .WithSpan("/0/Test1.cs", 8, 57, 8, 76)
            .WithArguments("UserUpdate", "User", "Organization");

        await Verify<OutboxWriterAnalyzer>.DiagnosticsAsync(
            [
                Sources.Registry,
                Context + "\n        context.AddOutboxMessage(Scope.Organization, 1, Category.UserUpdate, 2);" + End,
            ],
            [expected]);
    }

    [Fact]
    public async Task A_message_of_an_undeclared_category_is_reported()
    {
        await VerifyAsync("""
                    context.AddOutboxMessage(Scope.Organization, 1, {|OBX008:(Category)99|}, 2);
            """);
    }
}
