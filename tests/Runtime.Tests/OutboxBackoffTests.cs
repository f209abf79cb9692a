namespace OutboxGen.Tests;

public sealed class OutboxBackoffTests
{
    private static readonly DateTime Now = new(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Shard_that_never_failed_waits_one_second()
    {
        var scheduled = Now.AddMinutes(-5);

        var next = OutboxBackoff.Next(scheduled, scheduled, Now);

        Assert.Equal(Now.AddSeconds(1), next);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    public void Backoff_is_at_least_one_second(double previousSeconds)
    {
        var from = Now.AddMinutes(-5);

        var next = OutboxBackoff.Next(from, from.AddSeconds(previousSeconds), Now);

        Assert.Equal(Now.AddSeconds(1), next);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(0.75, 1.5)]
    [InlineData(10, 20)]
    [InlineData(1799, 3598)]
    public void Backoff_doubles_the_previous_one(double previousSeconds, double expectedSeconds)
    {
        var from = Now.AddMinutes(-90);

        var next = OutboxBackoff.Next(from, from.AddSeconds(previousSeconds), Now);

        Assert.Equal(Now.AddSeconds(expectedSeconds), next);
    }

    [Theory]
    [InlineData(1800)]
    [InlineData(1801)]
    [InlineData(3600)]
    [InlineData(86400)]
    public void Backoff_is_capped_at_one_hour(double previousSeconds)
    {
        var from = Now.AddDays(-2);

        var next = OutboxBackoff.Next(from, from.AddSeconds(previousSeconds), Now);

        Assert.Equal(Now.AddHours(1), next);
    }

    [Fact]
    public void Backoff_of_a_schedule_before_its_start_is_one_second()
    {
        var next = OutboxBackoff.Next(Now, Now.AddSeconds(-30), Now);

        Assert.Equal(Now.AddSeconds(1), next);
    }

    [Fact]
    public void Backoff_of_the_widest_schedule_does_not_overflow()
    {
        var next = OutboxBackoff.Next(DateTime.MinValue, DateTime.MaxValue, Now);

        Assert.Equal(Now.AddHours(1), next);
    }
}
