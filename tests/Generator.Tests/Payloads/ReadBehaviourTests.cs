using OutboxGen.Generated;
using OutboxGen.Generator.Tests.Payloads.Fixtures;

namespace OutboxGen.Generator.Tests.Payloads;

/// <summary>
/// How the generated readers treat JSON that does not fit, and the leniencies they share with System.Text.Json.
/// </summary>
public sealed class ReadBehaviourTests
{
    private const string Audit = """
        {"eventId":7,"action":"login","actor":{"userId":3,"email":"a@example.com"},
         "changes":[{"field":"role","before":null,"after":"admin"},{"field":"email","before":"x","after":"y"}],
         "occurredAt":"2024-05-01T10:00:00Z","note":null,"attempt":2}
        """;

    private static readonly OutboxGen_Generator_Tests_Payloads_Fixtures_AuditEventSerializer AuditSerializer =
        OutboxGen_Generator_Tests_Payloads_Fixtures_AuditEventSerializer.Instance;

    private static readonly OutboxGen_Generator_Tests_Payloads_Fixtures_SettingsSerializer SettingsSerializer =
        OutboxGen_Generator_Tests_Payloads_Fixtures_SettingsSerializer.Instance;

    [Fact]
    public void A_missing_required_member_is_an_error_naming_its_path()
    {
        var json = Audit.Replace("\"field\":\"email\",", "", StringComparison.Ordinal);

        var error = Assert.Throws<OutboxPayloadException>(() => AuditSerializer.Deserialize(json));

        Assert.Equal("$.changes[1].field", error.JsonPath);
        Assert.Contains("'$.changes[1].field'", error.Message, StringComparison.Ordinal);
        Assert.Contains("required member 'field' is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_an_error_naming_the_path_where_it_breaks()
    {
        var json = Audit.Replace("\"email\":\"a@example.com\"", "\"email\":", StringComparison.Ordinal);

        var error = Assert.Throws<OutboxPayloadException>(() => AuditSerializer.Deserialize(json));

        Assert.Equal("$.actor.email", error.JsonPath);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.InnerException);
        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"eventId\":7", "\"eventId\":\"seven\"", "$.eventId")]
    [InlineData("\"eventId\":7", "\"eventId\":7.5", "$.eventId")]
    [InlineData("\"action\":\"login\"", "\"action\":[]", "$.action")]
    [InlineData("\"action\":\"login\"", "\"action\":null", "$.action")]
    [InlineData("\"field\":\"role\"", "\"field\":5", "$.changes[0].field")]
    [InlineData("\"userId\":3", "\"userId\":{}", "$.actor.userId")]
    [InlineData("\"occurredAt\":\"2024-05-01T10:00:00Z\"", "\"occurredAt\":\"yesterday\"", "$.occurredAt")]
    public void A_value_of_the_wrong_shape_is_an_error_naming_its_path(string member, string replacement, string path)
    {
        var json = Audit.Replace(member, replacement, StringComparison.Ordinal);

        var error = Assert.Throws<OutboxPayloadException>(() => AuditSerializer.Deserialize(json));

        Assert.Equal(path, error.JsonPath);
    }

    [Fact]
    public void A_wrong_shape_inside_a_dictionary_names_the_key()
    {
        var json = """{"counts":{"plain":1,"with space":"many"}}""";

        var error = Assert.Throws<OutboxPayloadException>(() =>
            OutboxGen_Generator_Tests_Payloads_Fixtures_CollectionsSerializer.Instance.Deserialize(json));

        Assert.Equal("$.counts['with space']", error.JsonPath);
    }

    [Fact]
    public void Unknown_members_are_skipped_whatever_they_hold()
    {
        var json = Audit.Replace(
            "\"eventId\":7,",
            "\"extra\":{\"deep\":[1,{\"x\":null},\"s\"]},\"eventId\":7,\"more\":[[]],",
            StringComparison.Ordinal);

        var audit = AuditSerializer.Deserialize(json)!;

        Assert.Equal(7, audit.EventId);
        Assert.Equal("login", audit.Action);
        Assert.Equal(2, audit.Changes.Count);
    }

    [Fact]
    public void Property_names_match_ignoring_case_and_escapes()
    {
        var json = Audit.Replace("\"eventId\"", "\"EVENTID\"", StringComparison.Ordinal)
            .Replace("\"action\"", "\"\\u0061ction\"", StringComparison.Ordinal);

        var audit = AuditSerializer.Deserialize(json)!;

        Assert.Equal(7, audit.EventId);
        Assert.Equal("login", audit.Action);
    }

    [Fact]
    public void Numbers_may_be_quoted_as_the_web_defaults_allow()
    {
        var json = Audit.Replace("\"eventId\":7", "\"eventId\":\"42\"", StringComparison.Ordinal);

        var audit = AuditSerializer.Deserialize(json)!;

        Assert.Equal(42, audit.EventId);
    }

    [Fact]
    public void Optional_constructor_parameters_take_their_defaults_when_missing()
    {
        var json = Audit.Replace(",\"note\":null,\"attempt\":2", "", StringComparison.Ordinal);

        var audit = AuditSerializer.Deserialize(json)!;

        Assert.Null(audit.Note);
        Assert.Equal(1, audit.Attempt);
    }

    [Fact]
    public void Required_and_init_members_are_set_and_missing_optional_ones_keep_their_initial_values()
    {
        var json = """{"name":"n","level":4,"owner":"o","retries":9,"max_size":12,"secret":"leaked"}""";

        var settings = SettingsSerializer.Deserialize(json)!;

        Assert.Equal("n", settings.Name);
        Assert.Equal(4, settings.Level);
        Assert.Equal("o", settings.Owner);
        Assert.Equal("light", settings.Theme);
        Assert.Equal(9, settings.Retries);
        Assert.Equal(12, settings.MaxSize);
        Assert.Equal("hidden", settings.Secret);
    }

    [Fact]
    public void An_init_member_present_in_the_json_is_set()
    {
        var json = """{"name":"n","level":4,"owner":"o","theme":"dark","origin":{"x":1,"y":2},"budget":null}""";

        var settings = SettingsSerializer.Deserialize(json)!;

        Assert.Equal("dark", settings.Theme);
        Assert.Equal(2, settings.Origin.Y);
        Assert.Null(settings.Budget);
    }

    [Theory]
    [InlineData("""{"level":4,"owner":"o"}""", "$.name")]
    [InlineData("""{"name":"n","owner":"o"}""", "$.level")]
    [InlineData("""{"name":"n","level":4}""", "$.owner")]
    public void Missing_required_and_json_required_members_are_errors(string json, string path)
    {
        var error = Assert.Throws<OutboxPayloadException>(() => SettingsSerializer.Deserialize(json));

        Assert.Equal(path, error.JsonPath);
    }

    [Fact]
    public void Read_only_and_ignored_members_are_written_or_left_out_as_System_Text_Json_does()
    {
        var settings = new Settings { Name = "n", Level = 3, Owner = "o", Secret = "s" };

        var json = SettingsSerializer.Serialize(settings);

        Assert.Contains("\"doubleLevel\":6", json, StringComparison.Ordinal);
        Assert.Contains("\"max_size\":0", json, StringComparison.Ordinal);
        Assert.Contains("\"urlValue\":\"\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("optional", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-05-01T12:00:00+02:00")]
    [InlineData("2024-05-01T10:00:00")]
    [InlineData("2024-05-01T10:00:00Z")]
    public void Dates_are_read_as_utc(string written)
    {
        var json = Audit.Replace("2024-05-01T10:00:00Z", written, StringComparison.Ordinal);

        var audit = AuditSerializer.Deserialize(json)!;

        Assert.Equal(DateTimeKind.Utc, audit.OccurredAt.Kind);
        Assert.Equal(new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc), audit.OccurredAt);
    }

    [Fact]
    public void Local_and_unspecified_dates_are_written_as_utc_with_a_z()
    {
        var local = new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Local);
        var unspecified = new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Unspecified);

        var fromLocal = AuditSerializer.Serialize(new AuditEvent(1, "a", new Actor(1, "e"), [], local));
        var fromUnspecified = AuditSerializer.Serialize(new AuditEvent(1, "a", new Actor(1, "e"), [], unspecified));

        var utc = local.ToUniversalTime();
        Assert.Contains($"\"occurredAt\":\"{utc:yyyy-MM-ddTHH:mm:ss}Z\"", fromLocal, StringComparison.Ordinal);
        Assert.Contains("\"occurredAt\":\"2024-05-01T10:00:00Z\"", fromUnspecified, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(Audit + " {}")]
    [InlineData("[]")]
    public void A_payload_that_is_not_one_object_is_an_error_at_the_root(string json)
    {
        var error = Assert.Throws<OutboxPayloadException>(() => AuditSerializer.Deserialize(json));

        Assert.Equal("$", error.JsonPath);
    }

    [Fact]
    public void Json_null_reads_as_null_for_a_class_and_is_an_error_for_a_struct()
    {
        var audit = AuditSerializer.Deserialize("null");
        var error = Assert.Throws<OutboxPayloadException>(() => longSerializer.Instance.Deserialize("null"));

        Assert.Null(audit);
        Assert.Equal("$", error.JsonPath);
    }

    [Fact]
    public void A_required_payload_that_is_missing_is_an_error()
    {
        var error = Assert.Throws<OutboxPayloadException>(() => AuditSerializer.DeserializeRequired(null));

        Assert.Equal("$", error.JsonPath);
    }
}
