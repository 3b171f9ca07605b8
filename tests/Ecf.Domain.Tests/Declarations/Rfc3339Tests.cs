using System.Globalization;
using Ecf.Domain.Declarations;

namespace Ecf.Domain.Tests.Declarations;

/// <summary><see cref="DeclarationDecider.TryParseRfc3339"/>: ECF's declaration date pattern, then a real date and time.</summary>
public sealed class Rfc3339Tests
{
    [Theory]
    [InlineData("2025-10-01T10:00:00Z", "2025-10-01T10:00:00.0000000Z", 0)]
    [InlineData("2025-10-01T10:00:00+01:00", "2025-10-01T09:00:00.0000000Z", 60)]
    [InlineData("2025-10-01T10:00:00+0100", "2025-10-01T09:00:00.0000000Z", 60)]
    [InlineData("2025-10-01T10:00:00+01", "2025-10-01T09:00:00.0000000Z", 60)]
    [InlineData("2025-10-01T10:00:00-05:30", "2025-10-01T15:30:00.0000000Z", -330)]
    [InlineData("2025-10-01T00:30:00+14:00", "2025-09-30T10:30:00.0000000Z", 840)]
    [InlineData("2025-10-01T00:30:00-14:00", "2025-10-01T14:30:00.0000000Z", -840)]
    [InlineData("2025-10-01T10:00:00.5Z", "2025-10-01T10:00:00.5000000Z", 0)]
    [InlineData("2025-10-01T10:00:00,25Z", "2025-10-01T10:00:00.2500000Z", 0)]
    [InlineData("2025-10-01T10:00:00.123+01:00", "2025-10-01T09:00:00.1230000Z", 60)]
    [InlineData("2025-10-01T10:00:00.0000021Z", "2025-10-01T10:00:00.0000021Z", 0)]
    [InlineData("2025-10-01T10:00:00.123456789Z", "2025-10-01T10:00:00.1234567Z", 0)]
    [InlineData("2025-10-01T10:00:00", "2025-10-01T10:00:00.0000000Z", 0)]
    [InlineData("2025-10-01T10:00:00.5", "2025-10-01T10:00:00.5000000Z", 0)]
    [InlineData("2025-10-01t10:00:00z", "2025-10-01T10:00:00.0000000Z", 0)]
    [InlineData("2024-02-29T23:59:59Z", "2024-02-29T23:59:59.0000000Z", 0)]
    public void TryParseRfc3339_ValidForms_TheInstantWithTheOffsetSent(string text, string utc, int offsetMinutes)
    {
        Assert.True(DeclarationDecider.TryParseRfc3339(text, out var value));

        Assert.Equal(utc, value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), value.Offset);
    }

    [Theory]
    [InlineData("2023-19-01T29:21:55Z")]
    [InlineData("2025-01-01")]
    [InlineData("2025-02-30T10:00:00Z")]
    [InlineData("2025-02-29T10:00:00Z")]
    [InlineData("not a date")]
    [InlineData("2025-10-01T10:00:00+25:00")]
    [InlineData("2025-10-01T10:00:00+15:00")]
    [InlineData("2025-10-01T10:00:00+14:30")]
    [InlineData("2025-10-01T10:00:00-14:01")]
    [InlineData("2025-10-01T10:00:00+01:60")]
    [InlineData("2025-10-01T24:00:00Z")]
    [InlineData("2025-10-01T10:60:00Z")]
    [InlineData("2025-10-01T10:00:60Z")]
    [InlineData("2025-10-01 10:00:00Z")]
    [InlineData("2025-10-01T10:00Z")]
    [InlineData("2025-10-01T10:00:00.Z")]
    [InlineData("2025-10-01T10:00:00+1")]
    [InlineData(" 2025-10-01T10:00:00Z")]
    [InlineData("2025-10-01T10:00:00Z\n")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("0001-01-01T00:30:00+01:00")]
    [InlineData("9999-12-31T23:00:00-05:00")]
    [InlineData("2025-10-01T\u0661\u0660:00:00Z")]
    [InlineData("2025-10-01T10:00:00+\u0660\u0661:00")]
    public void TryParseRfc3339_InvalidForms_False(string? text)
    {
        Assert.False(DeclarationDecider.TryParseRfc3339(text, out var value));

        Assert.Equal(default, value);
    }
}
