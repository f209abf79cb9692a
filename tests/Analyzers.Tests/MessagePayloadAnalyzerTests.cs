namespace OutboxGen.Analyzers.Tests;

public sealed class MessagePayloadAnalyzerTests
{
    /// <summary>Categories with every kind of receiver the check tells apart, and one received nowhere here.</summary>
    private const string Receivers = """
        #nullable enable
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using OutboxGen;

        public enum Scope
        {
            [OutboxScope(ShardKey = "OrganizationId")] Organization = 0,
            [OutboxScope(ShardKey = "OrganizationId")] AuditLog = 3,
        }

        public enum Category
        {
            [OutboxCategory(Scope.Organization)] OrganizationMemberUpdate = 3,
            [OutboxCategory(Scope.AuditLog)] AuditLogEvent = 5,
            [OutboxCategory(Scope.AuditLog)] AuditLogNote = 6,
            [OutboxCategory(Scope.AuditLog)] AuditLogCount = 7,
            [OutboxCategory(Scope.Organization)] ProjectUpdate = 8,
            [OutboxCategory(Scope.AuditLog)] AuditLogTags = 9,
            [OutboxCategory(Scope.Organization)] TeamUpdate = 11,
            [OutboxCategory(Scope.AuditLog)] AuditLogTwice = 12,
        }

        public record AuditEntry(string Action);

        public sealed record ImportedEntry(string Action, string Source) : AuditEntry(Action);

        public sealed record MemberPayload(string Email);

        public static class AuditReceivers
        {
            [OutboxReceiver(Category.AuditLogEvent)]
            public static Task RecordAsync(AuditEntry entry, OutboxMessage message, CancellationToken ct) =>
                Task.CompletedTask;

            [OutboxReceiver(Category.AuditLogEvent, Silo = OutboxSilo.Control)]
            public static Task RecordInControlAsync(string text, OutboxMessage message, CancellationToken ct) =>
                Task.CompletedTask;

            [OutboxReceiver(Category.AuditLogNote)]
            public static Task NoteAsync(AuditEntry? entry, OutboxMessage message, CancellationToken ct) =>
                Task.CompletedTask;

            [OutboxReceiver(Category.AuditLogCount)]
            public static Task CountAsync(int? count, OutboxMessage message, CancellationToken ct) =>
                Task.CompletedTask;

            [OutboxReceiver(Category.AuditLogTags)]
            public static Task TagsAsync(List<string?> tags, OutboxMessage message, CancellationToken ct) =>
                Task.CompletedTask;

            [OutboxReceiver(Category.AuditLogTwice)]
            public static Task FirstAsync(AuditEntry entry, OutboxMessage message, CancellationToken ct) =>
                Task.CompletedTask;

            [OutboxReceiver(Category.AuditLogTwice)]
            public static Task SecondAsync(AuditEntry entry, OutboxMessage message, CancellationToken ct) =>
                Task.CompletedTask;
        }

        [Replicated(Category.OrganizationMemberUpdate)]
        public partial class OrganizationMember
        {
            public long Id { get; set; }
            public long OrganizationId { get; set; }
            public string Email { get; set; } = "";

            public MemberPayload PayloadForUpdate() => new(Email);

            public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                Task.CompletedTask;

            public static Task HandleDeletionAsync(DeletionContext<MemberPayload> context, CancellationToken ct) =>
                Task.CompletedTask;
        }

        [Replicated(Category.ProjectUpdate)]
        public partial class Project
        {
            public long Id { get; set; }
            public long OrganizationId { get; set; }

            public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                Task.CompletedTask;

            public static Task HandleDeletionAsync(DeletionContext context, CancellationToken ct) =>
                Task.CompletedTask;
        }
        """;

    private const string Start = """
        #nullable enable
        using System.Collections.Generic;
        using Microsoft.EntityFrameworkCore;
        using OutboxGen;

        public static class Writer
        {
            public static void Write<T>(DbContext context, Category category, T generic, object anything)
            {
        """;

    private static Task VerifyAsync(string body) =>
        Verify<MessagePayloadAnalyzer>.DiagnosticsAsync(Receivers, Start + body + "\n    }\n}\n");

    [Fact]
    public async Task A_payload_of_another_type_than_the_receiver_takes_is_reported_on_the_payload()
    {
        var body = "\n        context.AddOutboxMessage(Scope.AuditLog, 1, Category.AuditLogEvent, 2, \"a string\");";
        var expected = Verify<MessagePayloadAnalyzer>.Diagnostic(DiagnosticDescriptors.PayloadMismatch)
            .WithSpan("/0/Test1.cs", 10, 80, 10, 90)
            .WithArguments("AuditReceivers.RecordAsync", "AuditLogEvent", "AuditEntry", "passes 'string'");

        await Verify<MessagePayloadAnalyzer>.DiagnosticsAsync(
            [Receivers, Start + body + "\n    }\n}\n"],
            [expected]);
    }

    [Fact]
    public async Task A_payload_of_the_receivers_type_reports_nothing()
    {
        await VerifyAsync("""
                    context.AddOutboxMessage(Scope.AuditLog, 1, Category.AuditLogEvent, 2, new AuditEntry("login"));
                    context.AddOutboxMessage(Scope.AuditLog, 1, Category.AuditLogNote, 2, new AuditEntry("login"));
                    context.AddOutboxMessage(Scope.AuditLog, 1, Category.AuditLogEvent, 2,
                        (AuditEntry)new ImportedEntry("login", "ldap"));
            """);
    }

    [Fact]
    public async Task Types_that_differ_only_in_nullable_annotations_match()
    {
        await VerifyAsync("""
                    AuditEntry? maybe = null;
                    context.AddOutboxMessage(Scope.AuditLog, 1, Category.AuditLogEvent, 2, maybe);
                    context.AddOutboxMessage(Scope.AuditLog, 1, Category.AuditLogCount, 2, 3);
                    context.AddOutboxMessage(Scope.AuditLog, 1, Category.AuditLogTags, 2, new List<string>());
            """);
    }

    [Fact]
    public async Task A_derived_type_is_reported_as_it_is_written_with_its_own_serializer()
    {
        await VerifyAsync("""
                    context.AddOutboxMessage(
                        Scope.AuditLog, 1, Category.AuditLogEvent, 2, {|OBX205:new ImportedEntry("login", "ldap")|});
            """);
    }

    [Fact]
    public async Task A_payload_passed_with_a_serializer_is_checked_too()
    {
        await VerifyAsync("""
                    context.AddOutboxMessage(
                        Scope.AuditLog, 1, Category.AuditLogTags, 2, {|OBX205:new List<long>()|}, null!);
            """);
    }

    [Fact]
    public async Task A_message_without_a_payload_for_a_receiver_that_requires_one_is_reported_on_the_method()
    {
        await VerifyAsync("""
                    context.{|OBX205:AddOutboxMessage|}(Scope.AuditLog, 1, Category.AuditLogEvent, 2);
                    context.AddOutboxMessage<Scope, Category, AuditEntry?>(
                        Scope.AuditLog, 1, Category.AuditLogEvent, 2, {|OBX205:null|});
            """);
    }

    [Fact]
    public async Task A_message_without_a_payload_for_a_nullable_receiver_or_a_model_reports_nothing()
    {
        await VerifyAsync("""
                    context.AddOutboxMessage(Scope.AuditLog, 1, Category.AuditLogNote, 2);
                    context.AddOutboxMessage(Scope.AuditLog, 1, Category.AuditLogCount, 2);
                    context.AddOutboxMessage(Scope.Organization, 1, Category.OrganizationMemberUpdate, 2);
            """);
    }

    [Fact]
    public async Task A_control_message_is_checked_against_the_control_receiver()
    {
        await VerifyAsync("""
                    context.AddControlOutboxMessage("us", Scope.AuditLog, 1, Category.AuditLogEvent, 2, "text");
                    context.AddControlOutboxMessage(
                        "us", Scope.AuditLog, 1, Category.AuditLogEvent, 2, {|OBX205:new AuditEntry("login")|});
                    context.AddOutboxMessage(Scope.AuditLog, 1, Category.AuditLogEvent, 2, {|OBX205:"text"|});
            """);
    }

    [Fact]
    public async Task A_message_for_a_model_is_checked_against_its_payload_for_update()
    {
        var body = """

                    context.AddOutboxMessage(
                        Scope.Organization, 1, Category.OrganizationMemberUpdate, 2, new MemberPayload("a@b.c"));
                    context.AddOutboxMessage(Scope.Organization, 1, Category.OrganizationMemberUpdate, 2, "a@b.c");
            """;
        var expected = Verify<MessagePayloadAnalyzer>.Diagnostic(DiagnosticDescriptors.PayloadMismatch)
            .WithSpan("/0/Test1.cs", 12, 95, 12, 102)
            .WithArguments("OrganizationMember", "OrganizationMemberUpdate", "MemberPayload", "passes 'string'");

        await Verify<MessagePayloadAnalyzer>.DiagnosticsAsync(
            [Receivers, Start + body + "\n    }\n}\n"],
            [expected]);
    }

    [Fact]
    public async Task A_payload_for_a_model_without_payload_for_update_reports_nothing()
    {
        await VerifyAsync("""
                    context.AddOutboxMessage(Scope.Organization, 1, Category.ProjectUpdate, 2, "ignored");
            """);
    }

    [Fact]
    public async Task A_category_without_a_receiver_here_or_with_two_is_not_checked()
    {
        await VerifyAsync("""
                    context.AddOutboxMessage(Scope.Organization, 1, Category.TeamUpdate, 2, "anything");
                    context.AddOutboxMessage(Scope.AuditLog, 1, Category.AuditLogTwice, 2, "anything");
                    context.AddControlOutboxMessage("us", Scope.AuditLog, 1, Category.AuditLogNote, 2, 42);
            """);
    }

    [Fact]
    public async Task A_category_that_is_not_a_constant_is_not_checked()
    {
        await VerifyAsync("""
                    context.AddOutboxMessage(Scope.AuditLog, 1, category, 2, "a string");
                    context.AddOutboxMessage(Scope.AuditLog, 1, category, 2);
            """);
    }

    [Fact]
    public async Task A_payload_whose_static_type_says_nothing_is_not_checked()
    {
        await VerifyAsync("""
                    context.AddOutboxMessage(Scope.AuditLog, 1, Category.AuditLogEvent, 2, generic);
                    context.AddOutboxMessage(Scope.AuditLog, 1, Category.AuditLogEvent, 2, anything);
                    context.AddOutboxMessage(Scope.AuditLog, 1, Category.AuditLogTags, 2, new List<T>());
            """);
    }
}
