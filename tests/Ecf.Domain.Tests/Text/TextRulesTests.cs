using Ecf.Domain.Text;

namespace Ecf.Domain.Tests.Text;

/// <summary>The one text rule set, pure.</summary>
public sealed class TextRulesTests
{
    [Theory]
    [InlineData("  Ada Lovelace \t", "Ada Lovelace")]
    [InlineData("Nasrin Mo\u200Cadab", "Nasrin Mo\u200Cadab")]
    [InlineData("Zoë O'Brien-Ng", "Zoë O'Brien-Ng")]
    [InlineData("李小龍", "李小龍")]
    [InlineData("\U0001D49C\U0001D49Cda", "\U0001D49C\U0001D49Cda")]
    public void Check_AcceptableName_TrimmedValue(string value, string expected)
    {
        var check = TextRules.Check(value, TextKind.Name);

        Assert.Equal((expected, (TextProblem?)null), (check.Value, check.Problem));
    }

    [Theory]
    [InlineData(null, TextProblem.Missing)]
    [InlineData("   ", TextProblem.Missing)]
    [InlineData("Ada\0Lovelace", TextProblem.DisallowedCharacter)]
    [InlineData("Ada\u001BLovelace", TextProblem.DisallowedCharacter)]
    [InlineData("Ada\nLovelace", TextProblem.DisallowedCharacter)]
    [InlineData("Ada\u200BLovelace", TextProblem.DisallowedCharacter)]
    [InlineData("Ada\u202ELovelace", TextProblem.DisallowedCharacter)]
    [InlineData("Ada\uFEFF", TextProblem.DisallowedCharacter)]
    [InlineData("Ada\u2028Lovelace", TextProblem.DisallowedCharacter)]
    [InlineData("\u200C\u200D", TextProblem.NoLetter)]
    [InlineData("-- 42 --", TextProblem.NoLetter)]
    public void Check_UnacceptableName_Problem(string? value, TextProblem problem)
    {
        var check = TextRules.Check(value, TextKind.Name);

        Assert.Equal((null, (TextProblem?)problem), (check.Value, check.Problem));
    }

    [Fact]
    public void Check_LoneSurrogate_DisallowedCharacter()
    {
        var text = "Ada" + (char)0xD800 + "Lovelace";

        Assert.Equal(TextProblem.DisallowedCharacter, TextRules.Check(text, TextKind.Name).Problem);
    }

    [Fact]
    public void Check_NameAtItsLimitAndOneOver_AcceptedThenTooLong()
    {
        Assert.True(TextRules.Check(new string('a', TextRules.MaxNameLength), TextKind.Name).IsValid);
        Assert.Equal(TextProblem.TooLong, TextRules.Check(new string('a', TextRules.MaxNameLength + 1), TextKind.Name).Problem);
    }

    [Theory]
    [InlineData("ada@example.org", null)]
    [InlineData("ada@example", TextProblem.NotAnEmailAddress)]
    [InlineData("ada@@example.org", TextProblem.NotAnEmailAddress)]
    [InlineData("ada lovelace@example.org", TextProblem.NotAnEmailAddress)]
    [InlineData("ada\0@example.org", TextProblem.DisallowedCharacter)]
    [InlineData("ada\u200D@example.org", TextProblem.DisallowedCharacter)]
    public void Check_Email_ProblemOrNone(string value, TextProblem? problem)
    {
        Assert.Equal(problem, TextRules.Check(value, TextKind.Email).Problem);
    }

    [Fact]
    public void Check_EmailOverItsLimit_TooLong()
    {
        Assert.Equal(TextProblem.TooLong, TextRules.Check(new string('a', 250) + "@example.org", TextKind.Email).Problem);
    }

    [Theory]
    [InlineData("Holds the token for\r\nthe school service\t(2025)", null)]
    [InlineData("No letters needed: 42", null)]
    [InlineData("bell\u0007", TextProblem.DisallowedCharacter)]
    public void Check_FreeText_AllowsLineBreaksAndTabsOnly(string value, TextProblem? problem)
    {
        Assert.Equal(problem, TextRules.Check(value, TextKind.FreeText).Problem);
    }

    [Theory]
    [InlineData("2009-10-15", null)]
    [InlineData("2009-10-16", DateOfBirthProblem.TooYoung)]
    [InlineData("1924-10-16", null)]
    [InlineData("1924-10-15", DateOfBirthProblem.TooOld)]
    [InlineData("0001-01-01", DateOfBirthProblem.TooOld)]
    [InlineData("2025-10-16", DateOfBirthProblem.InFuture)]
    [InlineData("9999-12-31", DateOfBirthProblem.InFuture)]
    public void CheckDateOfBirth_On15October2025_SixteenToOneHundredYearsOld(string dateOfBirth, DateOfBirthProblem? problem)
    {
        Assert.Equal(problem, TextRules.CheckDateOfBirth(DateOnly.Parse(dateOfBirth, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2025, 10, 15)));
    }
}
