using System.Text.Json;
using OutboxGen.Generated;
using OutboxGen.Generator.Tests.Payloads.Fixtures;

namespace OutboxGen.Generator.Tests.Payloads;

/// <summary>
/// Property tests over random values of every supported shape: what the generated serializers write reads back
/// with them and with System.Text.Json's web defaults, what System.Text.Json writes reads with them, and both write
/// the same text. Values are compared through System.Text.Json's own rendering of them.
/// </summary>
public sealed class RoundTripTests
{
    private const int Iterations = 300;

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly OutboxGen_Generator_Tests_Payloads_Fixtures_EverythingSerializer Everything =
        OutboxGen_Generator_Tests_Payloads_Fixtures_EverythingSerializer.Instance;

    [Fact]
    public void Values_written_by_the_generated_serializer_read_back_unchanged()
    {
        ForEachSeed(random =>
        {
            var value = random.Everything();

            var read = Everything.Deserialize(Everything.Serialize(value));

            Assert.Equal(Render(value), Render(read));
        });
    }

    [Fact]
    public void Values_written_by_the_generated_serializer_read_with_System_Text_Json()
    {
        ForEachSeed(random =>
        {
            var value = random.Everything();

            var read = JsonSerializer.Deserialize<Everything>(Everything.Serialize(value), Web);

            Assert.Equal(Render(value), Render(read));
        });
    }

    [Fact]
    public void Values_written_by_System_Text_Json_read_with_the_generated_serializer()
    {
        ForEachSeed(random =>
        {
            var value = random.Everything();

            var read = Everything.Deserialize(JsonSerializer.Serialize(value, Web));

            Assert.Equal(Render(value), Render(read));
        });
    }

    [Fact]
    public void The_generated_serializer_writes_the_same_text_as_System_Text_Json()
    {
        ForEachSeed(random =>
        {
            var value = random.Everything();

            var written = Everything.Serialize(value);

            Assert.Equal(JsonSerializer.Serialize(value, Web), written);
        });
    }

    [Fact]
    public void Payloads_that_are_not_objects_round_trip_both_ways()
    {
        var batch = System_Collections_Generic_List_Of_OutboxGen_Generator_Tests_Payloads_Fixtures_AuditEvent_Serializer
            .Instance;
        var maybeMoney = OutboxGen_Generator_Tests_Payloads_Fixtures_Money_NullableSerializer.Instance;
        ForEachSeed(random =>
        {
            var audits = Enumerable.Range(0, 3).Select(_ => random.Audit()).ToList();
            var text = random.Text();
            var number = random.Long();
            Money? money = random.Long() % 2 == 0 ? random.Money() : null;

            var written = (batch.Serialize(audits), stringSerializer.Instance.Serialize(text),
                longSerializer.Instance.Serialize(number), maybeMoney.Serialize(money));

            Assert.Equal(JsonSerializer.Serialize(audits, Web), written.Item1);
            Assert.Equal(JsonSerializer.Serialize(text, Web), written.Item2);
            Assert.Equal(JsonSerializer.Serialize(number, Web), written.Item3);
            Assert.Equal(JsonSerializer.Serialize(money, Web), written.Item4);
            Assert.Equal(Render(audits), Render(batch.Deserialize(written.Item1)));
            Assert.Equal(text, stringSerializer.Instance.Deserialize(written.Item2));
            Assert.Equal(number, longSerializer.Instance.Deserialize(written.Item3));
            Assert.Equal(money, maybeMoney.Deserialize(written.Item4));
        });
    }

    private static void ForEachSeed(Action<RandomPayloads> check)
    {
        for (var seed = 0; seed < Iterations; seed++)
        {
            try
            {
                check(new RandomPayloads(seed));
            }
            catch (Exception exception)
            {
                throw new Xunit.Sdk.XunitException($"Seed {seed} fails: {exception.Message}");
            }
        }
    }

    private static string Render<T>(T value) => JsonSerializer.Serialize(value, Web);
}
