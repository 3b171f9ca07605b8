using System.Net;
using Ecf.Functions.Tests.Infrastructure;

namespace Ecf.Functions.Tests.Schools;

/// <summary>The school cohort setup's induction tutor name and email follow the text rules of every write route (docs/domain.md#text-input).</summary>
public sealed class SchoolCohortTextRulesHttpTests(EcfAppFactory factory) : IClassFixture<EcfAppFactory>
{
    public static TheoryData<string, string, string> UnacceptableValues => new()
    {
        { "induction_tutor_name", new string('a', 100_000), "ecf.3331" },
        { "induction_tutor_name", "Ada\0Lovelace", "ecf.3334" },
        { "induction_tutor_name", "Ada\u202ELovelace", "ecf.3334" },
        { "induction_tutor_name", "\u200C\u200D", "ecf.3335" },
        { "induction_tutor_email", "ada\0@example.org", "ecf.3337" },
        { "induction_tutor_email", new string('a', 300) + "@example.org", "ecf.3336" },
    };

    [Theory]
    [MemberData(nameof(UnacceptableValues))]
    public async Task SetUpCohort_UnacceptableTutorNameOrEmail_422WithItsCodeAndTheCohortNotSetUp(string attribute, string value, string code)
    {
        var row = UnacceptableValues.Select(r => (string)r[1]).ToList().IndexOf(value);
        var school = await factory.AddSchoolAsync(960001 + row);
        var schools = await factory.CreateClientWithTokenAsync("school_service");
        var path = $"/api/schools/{school.Urn}/cohorts/2025";
        var name = attribute == "induction_tutor_name" ? value : "Ada Lovelace";
        var email = attribute == "induction_tutor_email" ? value : "ada@example.org";

        var refused = await HttpAssert.JsonAsync(
            await schools.PutAsJsonAsync(path, new { data = new { type = "school-cohort", attributes = new { induction_programme_choice = "provider_led", induction_tutor_name = name, induction_tutor_email = email } } }),
            (HttpStatusCode)422);

        var cohort = await HttpAssert.JsonAsync(await schools.GetAsync(path), HttpStatusCode.OK);
        Assert.Equal([code], HttpAssert.ProblemCodes(refused));
        Assert.Equal(attribute, refused.GetProperty("title").GetString());
        Assert.False(cohort.GetProperty("data").GetProperty("attributes").GetProperty("set_up").GetBoolean());
    }
}
