namespace Ecf.Functions.Auth;

public static class EcfClaimTypes
{
    public const string TokenId = "ecf:token_id";
    public const string LeadProviderId = "ecf:lead_provider_id";
    public const string LeadProviderName = "ecf:lead_provider_name";
}
