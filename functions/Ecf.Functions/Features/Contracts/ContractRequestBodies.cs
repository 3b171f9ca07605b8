using System.Text.Json;
using System.Text.Json.Serialization;
using Ecf.Application.Contracts;
using Ecf.Functions.Requests;

namespace Ecf.Functions.Features.Contracts;

/// <summary>
/// The fields every version body has. Each value is read as any JSON value (a number or text alike) so that each field's problem
/// is reported on that field, not as a binding error.
/// </summary>
public abstract record ContractRequestBody
{
    [JsonPropertyName("lead_provider_id")]
    public JsonElement? LeadProviderId { get; init; }

    [JsonPropertyName("contract_year")]
    public JsonElement? ContractYear { get; init; }

    /// <summary>The first statement month it applies to, <c>yyyy-MM</c>.</summary>
    [JsonPropertyName("applies_from")]
    public JsonElement? AppliesFrom { get; init; }

    [JsonPropertyName("reason")]
    public JsonElement? Reason { get; init; }

    protected static ContractField Field(string name, JsonElement? value) => new(name, JsonText.Of(value));

    protected ContractHeaderInput Header() => new(
        Field("lead_provider_id", LeadProviderId), Field("contract_year", ContractYear), Field("applies_from", AppliesFrom), Field("reason", Reason));
}

/// <summary><c>POST /api/finance/contracts/ecf</c>: an ECF call-off contract version.</summary>
public sealed record EcfContractRequest : ContractRequestBody
{
    [JsonPropertyName("recruitment_target")]
    public JsonElement? RecruitmentTarget { get; init; }

    [JsonPropertyName("revised_target")]
    public JsonElement? RevisedTarget { get; init; }

    [JsonPropertyName("set_up_fee")]
    public JsonElement? SetUpFee { get; init; }

    [JsonPropertyName("monthly_service_fee")]
    public JsonElement? MonthlyServiceFee { get; init; }

    [JsonPropertyName("uplift_target")]
    public JsonElement? UpliftTarget { get; init; }

    [JsonPropertyName("uplift_amount")]
    public JsonElement? UpliftAmount { get; init; }

    /// <summary>One to four <c>{min, max, per_participant, output_payment_percentage, service_fee_percentage}</c>, in order.</summary>
    [JsonPropertyName("bands")]
    public JsonElement? Bands { get; init; }

    public EcfContractInput ToInput()
    {
        var bands = Bands is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().ToList() : [];
        return new(
            Header(),
            Field("recruitment_target", RecruitmentTarget),
            Field("revised_target", RevisedTarget),
            Field("set_up_fee", SetUpFee),
            Field("monthly_service_fee", MonthlyServiceFee),
            Field("uplift_target", UpliftTarget),
            Field("uplift_amount", UpliftAmount),
            new ContractField("bands", null),
            [.. bands.Select((band, i) => new ContractBandInput(
                Property(band, i, "min"),
                Property(band, i, "max"),
                Property(band, i, "per_participant"),
                Property(band, i, "output_payment_percentage"),
                Property(band, i, "service_fee_percentage")))]);
    }

    private static ContractField Property(JsonElement band, int index, string name) =>
        Field($"bands[{index}].{name}", band.ValueKind == JsonValueKind.Object && band.TryGetProperty(name, out var value) ? value : null);
}

/// <summary><c>POST /api/finance/contracts/mentor</c>: a mentor call-off contract version.</summary>
public sealed record MentorContractRequest : ContractRequestBody
{
    [JsonPropertyName("recruitment_target")]
    public JsonElement? RecruitmentTarget { get; init; }

    /// <summary>1000 when absent.</summary>
    [JsonPropertyName("payment_per_participant")]
    public JsonElement? PaymentPerParticipant { get; init; }

    public MentorContractInput ToInput() =>
        new(Header(), Field("recruitment_target", RecruitmentTarget), Field("payment_per_participant", PaymentPerParticipant));
}

/// <summary><c>POST /api/finance/contracts/npq</c>: an NPQ contract template version of one course.</summary>
public sealed record NpqContractRequest : ContractRequestBody
{
    [JsonPropertyName("course_identifier")]
    public JsonElement? CourseIdentifier { get; init; }

    [JsonPropertyName("recruitment_target")]
    public JsonElement? RecruitmentTarget { get; init; }

    [JsonPropertyName("per_participant")]
    public JsonElement? PerParticipant { get; init; }

    [JsonPropertyName("output_payment_percentage")]
    public JsonElement? OutputPaymentPercentage { get; init; }

    [JsonPropertyName("number_of_payment_periods")]
    public JsonElement? NumberOfPaymentPeriods { get; init; }

    [JsonPropertyName("service_fee_percentage")]
    public JsonElement? ServiceFeePercentage { get; init; }

    [JsonPropertyName("service_fee_installments")]
    public JsonElement? ServiceFeeInstallments { get; init; }

    [JsonPropertyName("monthly_service_fee")]
    public JsonElement? MonthlyServiceFee { get; init; }

    [JsonPropertyName("targeted_delivery_funding_per_participant")]
    public JsonElement? TargetedDeliveryFundingPerParticipant { get; init; }

    [JsonPropertyName("special_course")]
    public JsonElement? SpecialCourse { get; init; }

    public NpqContractInput ToInput() => new(
        Header(),
        Field("course_identifier", CourseIdentifier),
        Field("recruitment_target", RecruitmentTarget),
        Field("per_participant", PerParticipant),
        Field("output_payment_percentage", OutputPaymentPercentage),
        Field("number_of_payment_periods", NumberOfPaymentPeriods),
        Field("service_fee_percentage", ServiceFeePercentage),
        Field("service_fee_installments", ServiceFeeInstallments),
        Field("monthly_service_fee", MonthlyServiceFee),
        Field("targeted_delivery_funding_per_participant", TargetedDeliveryFundingPerParticipant),
        Field("special_course", SpecialCourse));
}
