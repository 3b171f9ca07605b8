using System.Globalization;
using Ecf.Orchestrations.Timers;

namespace Ecf.Orchestrations.Tests.Timers;

public sealed class TimerScheduleTests
{
    [Theory]
    [InlineData("0 0 6 * * *", "2025-03-01T05:59:59Z", "2025-03-01T06:00:00Z")]
    [InlineData("0 0 6 * * *", "2025-03-01T06:00:00Z", "2025-03-02T06:00:00Z")]
    [InlineData("0 0 6 * * *", "2025-03-01T05:59:59.5Z", "2025-03-01T06:00:00Z")]
    [InlineData("0 0 6 * * *", "2025-03-01T07:30:00+02:00", "2025-03-01T06:00:00Z")]
    [InlineData("0 */5 * * * *", "2025-03-01T10:07:30Z", "2025-03-01T10:10:00Z")]
    [InlineData("0 */5 * * * *", "2025-03-01T23:59:00Z", "2025-03-02T00:00:00Z")]
    [InlineData("0 30 9 * * 1-5", "2025-03-07T10:00:00Z", "2025-03-10T09:30:00Z")]
    [InlineData("0 30 9 * * 1-5", "2025-03-01T08:00:00Z", "2025-03-03T09:30:00Z")]
    [InlineData("0 30 9 * * 1-5", "2025-03-04T09:29:59Z", "2025-03-04T09:30:00Z")]
    [InlineData("0 0 0 1 1 *", "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z")]
    [InlineData("0 0 0 1 1 *", "2024-12-31T23:59:59Z", "2025-01-01T00:00:00Z")]
    [InlineData("0 30 9 * Jan Mon", "2025-01-31T00:00:00Z", "2026-01-05T09:30:00Z")]
    [InlineData("0 30 9 * january MONDAY", "2025-01-31T00:00:00Z", "2026-01-05T09:30:00Z")]
    [InlineData("0 0 0 13 * Fri", "2025-01-01T00:00:00Z", "2025-06-13T00:00:00Z")]
    [InlineData("0 0 0 29 2 *", "2025-03-01T00:00:00Z", "2028-02-29T00:00:00Z")]
    [InlineData("0 0 0 31 * *", "2025-04-01T00:00:00Z", "2025-05-31T00:00:00Z")]
    [InlineData("0 0 0 1 * *", "2025-12-15T00:00:00Z", "2026-01-01T00:00:00Z")]
    [InlineData("*/15 * * * * *", "2025-03-01T10:00:07Z", "2025-03-01T10:00:15Z")]
    [InlineData("5/20 * * * * *", "2025-03-01T10:00:30Z", "2025-03-01T10:00:45Z")]
    [InlineData("5/20 * * * * *", "2025-03-01T10:00:45Z", "2025-03-01T10:01:05Z")]
    [InlineData("0 0 8-10/2 * * *", "2025-03-01T08:00:00Z", "2025-03-01T10:00:00Z")]
    [InlineData("0 0 12 * * 0", "2025-03-01T13:00:00Z", "2025-03-02T12:00:00Z")]
    [InlineData("0 0 12 * * Sun", "2025-03-01T13:00:00Z", "2025-03-02T12:00:00Z")]
    [InlineData("0 15,45 1,13 * * *", "2025-03-01T01:50:00Z", "2025-03-01T13:15:00Z")]
    [InlineData("  0   0 6 *  * *  ", "2025-03-01T05:00:00Z", "2025-03-01T06:00:00Z")]
    public void GetNextOccurrence_KnownSchedule_ReturnsNextUtcOccurrence(string expression, string after, string expected)
    {
        // Arrange
        var schedule = TimerSchedule.Parse(expression);

        // Act
        var next = schedule.GetNextOccurrence(At(after));

        // Assert
        Assert.Equal(At(expected), next);
        Assert.Equal(TimeSpan.Zero, next.Offset);
    }

    [Fact]
    public void GetNextOccurrence_EveryFiveMinutesOverADay_Gives288Occurrences()
    {
        // Arrange
        var schedule = TimerSchedule.Parse("0 */5 * * * *");
        var start = At("2025-03-01T00:00:00Z");
        var occurrences = new List<DateTimeOffset>();

        // Act
        for (var t = schedule.GetNextOccurrence(start.AddTicks(-1)); t < start.AddDays(1); t = schedule.GetNextOccurrence(t))
        {
            occurrences.Add(t);
        }

        // Assert
        Assert.Equal(288, occurrences.Count);
        Assert.All(occurrences.Zip(occurrences.Skip(1)), pair => Assert.Equal(TimeSpan.FromMinutes(5), pair.Second - pair.First));
    }

    [Theory]
    [InlineData("0 0 6 * * *", "2025-03-01T06:00:00Z", "2025-03-05T12:00:00Z", "2025-03-05T06:00:00Z")]
    [InlineData("0 0 6 * * *", "2025-03-01T06:00:00Z", "2025-03-02T06:00:00Z", "2025-03-02T06:00:00Z")]
    [InlineData("0 0 6 * * *", "2025-03-01T06:00:00Z", "2025-03-02T05:59:59Z", null)]
    [InlineData("0 0 6 * * *", "2025-03-01T06:00:00Z", "2025-03-01T06:00:00Z", null)]
    [InlineData("* * * * * *", "2025-03-01T00:00:00Z", "2025-03-08T00:00:00.9Z", "2025-03-08T00:00:00Z")]
    [InlineData("0 0 0 1 1 *", "2020-06-01T00:00:00Z", "2025-03-05T00:00:00Z", "2025-01-01T00:00:00Z")]
    [InlineData("0 0 0 29 2 *", "2015-01-01T00:00:00Z", "2025-03-05T00:00:00Z", "2024-02-29T00:00:00Z")]
    public void GetLatestOccurrence_Window_ReturnsLatestInHalfOpenWindowOrNull(string expression, string after, string atOrBefore, string? expected)
    {
        // Arrange
        var schedule = TimerSchedule.Parse(expression);

        // Act
        var latest = schedule.GetLatestOccurrence(At(after), At(atOrBefore));

        // Assert
        Assert.Equal(expected is null ? null : At(expected), latest);
    }

    [Theory]
    [InlineData("", "is required")]
    [InlineData("0 0 6 * *", "six fields")]
    [InlineData("0 0 6 * * * *", "six fields")]
    [InlineData("60 * * * * *", "'60 * * * * *'")]
    [InlineData("0 0 24 * * *", "'0 0 24 * * *'")]
    [InlineData("0 0 0 * Foo *", "'0 0 0 * Foo *'")]
    [InlineData("0 */x * * * *", "'0 */x * * * *'")]
    [InlineData("0 0 0 30 2 *", "never occurs")]
    [InlineData("00:05:00", "six fields")]
    public void TryParse_InvalidExpression_FailsSayingWhatIsWrong(string expression, string expectedInMessage)
    {
        // Act
        var parsed = TimerSchedule.TryParse(expression, out var schedule, out var error);

        // Assert
        Assert.False(parsed);
        Assert.Null(schedule);
        Assert.Contains(expectedInMessage, error, StringComparison.Ordinal);
        Assert.Equal(error, Assert.Throws<FormatException>(() => TimerSchedule.Parse(expression)).Message);
    }

    private static DateTimeOffset At(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
