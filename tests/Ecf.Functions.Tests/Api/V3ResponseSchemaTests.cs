using System.Text.Json;

namespace Ecf.Functions.Tests.Api;

/// <summary>The schema check itself: it must refuse what the spec refuses, or passing it would prove nothing.</summary>
public sealed class V3ResponseSchemaTests
{
    private const string Valid = """
        {"data":{"id":"0b6c8d8e-4f0e-4a43-9d55-1a1c2c3d4e5f","type":"participant-declaration","attributes":{
          "participant_id":"db3a7848-7308-4879-942a-c4a70ced400a","declaration_type":"started","declaration_date":"2025-10-01T10:00:00Z",
          "course_identifier":"ecf-induction","state":"awaiting-clawback","updated_at":"2025-10-01T10:00:00Z","created_at":"2025-10-01T10:00:00Z",
          "delivery_partner_id":null,"statement_id":null,"clawback_statement_id":null,"ineligible_for_funding_reason":null,"mentor_id":null,
          "uplift_paid":false,"evidence_held":null,"has_passed":null,"lead_provider_name":"Ambition Institute"}}}
        """;

    [Fact]
    public void Declaration_AsTheSpecDescribesIt_IsValid() =>
        V3ResponseSchema.AssertValid("SingleParticipantDeclarationResponse", JsonDocument.Parse(Valid).RootElement);

    [Theory]
    [InlineData("\"state\":\"awaiting-clawback\"", "\"state\":\"awaiting_clawback\"")]
    [InlineData("\"declaration_date\":\"2025-10-01T10:00:00Z\"", "\"declaration_date\":\"yesterday\"")]
    [InlineData("\"participant_id\":\"db3a7848-7308-4879-942a-c4a70ced400a\",", "")]
    [InlineData("\"uplift_paid\":false", "\"uplift_paid\":null")]
    public void Declaration_OffTheSpec_IsRefused(string from, string to)
    {
        var body = JsonDocument.Parse(Valid.Replace(from, to, StringComparison.Ordinal)).RootElement;

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => V3ResponseSchema.AssertValid("SingleParticipantDeclarationResponse", body));
    }

    [Theory]
    [InlineData("MultipleParticipantDeclarationsResponse", """{"data":[]}""")]
    [InlineData("StatementsResponse", """{"data":[]}""")]
    [InlineData("StatementResponse", """{"data":{"id":"0b6c8d8e-4f0e-4a43-9d55-1a1c2c3d4e5f","type":"statement","attributes":{"paid":false}}}""")]
    public void OtherSchemas_AMinimalBody_IsValid(string schema, string body) =>
        V3ResponseSchema.AssertValid(schema, JsonDocument.Parse(body).RootElement);
}
