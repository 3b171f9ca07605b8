using System.Net;
using System.Text;
using Ecf.Application.Tokens;
using Ecf.Functions.Tests.Infrastructure;

namespace Ecf.Functions.Tests.Edge;

/// <summary>Every JSON body is checked before an endpoint reads it: Unicode text, no repeated keys, present when needed, the resource type named.</summary>
public sealed class JsonBodyTests(EcfAppFactory factory) : IClassFixture<EcfAppFactory>
{
    [Theory]
    [InlineData("""{"message":"\ud800"}""")]
    [InlineData("""{"message":"x\udc00y"}""")]
    [InlineData("""{"\ud800":"key"}""")]
    [InlineData("""{"nested":[{"message":"\ud83d"}]}""")]
    public async Task StartOrchestration_UnpairedSurrogateInInput_400AndNothingStarts(string input)
    {
        using var admin = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);
        var id = $"surrogate-{Guid.NewGuid():N}";

        using var response = await admin.PostAsync($"/api/orchestrations/Ping?instanceId={id}", Json(input));
        using var status = await admin.GetAsync($"/api/orchestrations/{id}");

        var (code, _) = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("ecf.1009", code);
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
    }

    [Fact]
    public async Task StartOrchestration_InvalidUtf8InInput_400()
    {
        using var admin = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);
        using var content = new ByteArrayContent([.. "{\"message\":\""u8, 0xC3, 0x28, .. "\"}"u8]);
        content.Headers.ContentType = new("application/json");

        using var response = await admin.PostAsync("/api/orchestrations/Ping", content);

        var (code, _) = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("ecf.1009", code);
    }

    [Fact]
    public async Task StartOrchestration_PairedSurrogatesAndEscapes_202()
    {
        using var admin = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);

        using var response = await admin.PostAsync("/api/orchestrations/Ping", Json("""{"message":"\ud83d\ude00 \u00e9 \"quoted\""}"""));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData(ApiRoles.Admin, "/api/admin/tokens", """{"role":"admin","role":"finance"}""")]
    [InlineData(ApiRoles.Admin, "/api/orchestrations/Ping", """{"message":"a","MESSAGE":"b"}""")]
    [InlineData(ApiRoles.SchoolService, "/api/registrations/ects", """{"data":{"type":"ect-registration","attributes":{"trn":"1000001","trn":"2000002"}}}""")]
    [InlineData(ApiRoles.SchoolService, "/api/registrations/mentors", """{"data":{"type":"mentor-registration","type":"ect-registration","attributes":{}}}""")]
    public async Task AnyJsonRoute_RepeatedKey_400Problem(string role, string path, string body)
    {
        using var client = await factory.CreateClientWithTokenAsync(role);

        using var response = await client.PostAsync(path, Json(body));

        var (code, problem) = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("ecf.1008", code);
        Assert.Contains("$", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task V3Partnerships_RepeatedKey_400InTheV3Shape()
    {
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.LeadProvider, "Ambition Institute");

        using var response = await client.PostAsync("/api/v3/partnerships/ecf", Json("""{"data":{"type":"ecf-partnership","attributes":{"cohort":2025,"cohort":2026}}}"""));

        var (title, _) = HttpAssert.SingleV3Error(await HttpAssert.JsonAsync(response, HttpStatusCode.BadRequest));
        Assert.Equal("Bad request", title);
    }

    [Theory]
    [InlineData("partnership")]
    [InlineData("ECF-PARTNERSHIP")]
    [InlineData(null)]
    public async Task V3Partnerships_WrongDataType_400CorrectJsonDataStructureRequired(string? type)
    {
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.LeadProvider, "Ambition Institute");

        using var created = await client.PostAsJsonAsync("/api/v3/partnerships/ecf", new { data = new { type, attributes = new { cohort = 2025, school_id = Guid.NewGuid(), delivery_partner_id = Guid.NewGuid() } } });
        using var updated = await client.PutAsJsonAsync($"/api/v3/partnerships/ecf/{Guid.NewGuid()}", new { data = new { type, attributes = new { delivery_partner_id = Guid.NewGuid() } } });

        var expected = ("Bad request", "correct json data structure required. See API docs for reference");
        Assert.Equal(expected, HttpAssert.SingleV3Error(await HttpAssert.JsonAsync(created, HttpStatusCode.BadRequest)));
        Assert.Equal(expected, HttpAssert.SingleV3Error(await HttpAssert.JsonAsync(updated, HttpStatusCode.BadRequest)));
    }

    [Theory]
    [InlineData("/api/registrations/ects", "mentor-registration")]
    [InlineData("/api/registrations/mentors", "ect-registration")]
    [InlineData("/api/registrations/ects", "registration")]
    public async Task Registration_WrongDataType_400Problem(string path, string type)
    {
        using var schools = await factory.CreateClientWithTokenAsync(ApiRoles.SchoolService);

        using var response = await schools.PostAsJsonAsync(path, new { data = new { type, attributes = new { trn = "1000001" } } });

        var (code, _) = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("ecf.1010", code);
    }

    [Fact]
    public async Task SchoolCohort_WrongDataType_400Problem()
    {
        using var schools = await factory.CreateClientWithTokenAsync(ApiRoles.SchoolService);

        using var response = await schools.PutAsJsonAsync("/api/schools/100001/cohorts/2025", new { data = new { type = "cohort", attributes = new { induction_programme_choice = "provider_led" } } });

        var (code, _) = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("ecf.1010", code);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n")]
    [InlineData("null")]
    public async Task JsonRoute_EmptyOrNullBody_400ProblemInOurWords(string body)
    {
        using var admin = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);
        using var schools = await factory.CreateClientWithTokenAsync(ApiRoles.SchoolService);

        using var token = await admin.PostAsync("/api/admin/tokens", Json(body));
        using var registration = await schools.PostAsync("/api/registrations/ects", Json(body));

        foreach (var response in new[] { token, registration })
        {
            var (code, problem) = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.Equal("ecf.1012", code);
            Assert.DoesNotContain("parameter", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task StartOrchestration_EmptyOrNullBody_StartsWithoutInput()
    {
        using var admin = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);

        using var empty = await admin.PostAsync("/api/orchestrations/Ping", Json(""));
        using var none = await admin.PostAsync("/api/orchestrations/Ping", null);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (empty.StatusCode, none.StatusCode));
    }

    [Theory]
    [InlineData("/api/admin/tokens")]
    [InlineData("/api/orchestrations/Ping")]
    public async Task JsonRoute_NotJsonContentType_415Problem(string path)
    {
        using var admin = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);

        using var response = await admin.PostAsync(path, new StringContent("""{"role":"admin"}""", Encoding.UTF8, "text/plain"));

        var (code, _) = await HttpAssert.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("ecf.1006", code);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
