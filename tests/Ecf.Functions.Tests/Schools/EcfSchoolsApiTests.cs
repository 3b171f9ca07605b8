using System.Net;
using System.Text.Json;
using Ecf.Application.Tokens;
using Ecf.Functions.Features.Schools;
using Ecf.Functions.Tests.Api;
using Ecf.Functions.Tests.Infrastructure;
using Microsoft.DurableTask.Client;

namespace Ecf.Functions.Tests.Schools;

/// <summary>
/// The ECF v3 schools endpoints over the real pipeline, on schools imported by the app itself: the first-start import of
/// the bundled extract (data/gias), as the local run does.
/// </summary>
public sealed class EcfSchoolsApiTests : IClassFixture<EcfSchoolsApiTests.ImportedApp>
{
    private readonly ImportedApp _app;

    public EcfSchoolsApiTests(ImportedApp app) => _app = app;

    public sealed class ImportedApp : IAsyncLifetime
    {
        public EcfAppFactory Factory { get; } = new();

        public async Task InitializeAsync()
        {
            Factory.Settings["Gias:ImportOnFirstStart"] = "true";
            var client = Factory.Services.GetRequiredService<DurableTaskClient>();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            while (await client.GetInstanceAsync(GiasFirstStartImport.InstanceId, timeout.Token) is null)
            {
                await Task.Delay(100, timeout.Token);
            }

            var run = await client.WaitForInstanceCompletionAsync(GiasFirstStartImport.InstanceId, getInputsAndOutputs: true, timeout.Token);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task ListSchools_NoCohort_Returns400WithEcfMessage()
    {
        using var client = await _app.Factory.CreateClientWithTokenAsync(ApiRoles.LeadProvider, "Capita");

        using var response = await client.GetAsync("/api/v3/schools/ecf");

        await V3Assert.ErrorAsync(response, "ecf.1406");
    }

    [Fact]
    public async Task ListSchools_Cohort_ReturnsSnakeCaseSchoolsPagedWithoutOverlap()
    {
        using var client = await _app.Factory.CreateClientWithTokenAsync(ApiRoles.LeadProvider, "Capita");

        using var page1 = JsonDocument.Parse(await client.GetStringAsync("/api/v3/schools/ecf?filter[cohort]=2024&page[per_page]=50"));
        using var page2 = JsonDocument.Parse(await client.GetStringAsync("/api/v3/schools/ecf?filter[cohort]=2024&page[per_page]=50&page[page]=2"));

        var first = page1.RootElement.GetProperty("data");
        Assert.Equal(50, first.GetArrayLength());
        var school = first[0];
        Assert.Equal("school", school.GetProperty("type").GetString());
        var attributes = school.GetProperty("attributes");
        Assert.Equal("2024", attributes.GetProperty("cohort").GetString());
        Assert.False(attributes.GetProperty("in_partnership").GetBoolean());
        Assert.Equal("not_yet_known", attributes.GetProperty("induction_programme_choice").GetString());
        Assert.EndsWith("Z", attributes.GetProperty("created_at").GetString(), StringComparison.Ordinal);
        var ids1 = first.EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToHashSet();
        var ids2 = page2.RootElement.GetProperty("data").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.NotEmpty(ids2);
        Assert.DoesNotContain(ids2, ids1.Contains);
    }

    [Fact]
    public async Task GetSchool_ByIdAndUrnFilter_ReturnsTheSameSchool()
    {
        using var client = await _app.Factory.CreateClientWithTokenAsync(ApiRoles.LeadProvider, "Capita");
        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/v3/schools/ecf?filter[cohort]=2024&page[per_page]=1"));
        var listed = list.RootElement.GetProperty("data")[0];
        var id = listed.GetProperty("id").GetString();
        var urn = listed.GetProperty("attributes").GetProperty("urn").GetString();

        using var single = JsonDocument.Parse(await client.GetStringAsync($"/api/v3/schools/ecf/{id}?filter[cohort]=2024"));
        using var byUrn = JsonDocument.Parse(await client.GetStringAsync($"/api/v3/schools/ecf?filter[cohort]=2024&filter[urn]={urn}"));
        using var missing = await client.GetAsync($"/api/v3/schools/ecf/{Guid.NewGuid()}?filter[cohort]=2024");

        Assert.Equal(id, single.RootElement.GetProperty("data").GetProperty("id").GetString());
        Assert.Equal(id, Assert.Single(byUrn.RootElement.GetProperty("data").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task ListSchools_AdminToken_IsForbidden()
    {
        using var client = await _app.Factory.CreateClientWithTokenAsync(ApiRoles.Admin);

        using var response = await client.GetAsync("/api/v3/schools/ecf?filter[cohort]=2024");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
