namespace Ecf.Domain.People;

public static class ActorTypes
{
    public const string SchoolService = "school_service";
    public const string LeadProviderApi = "lead_provider_api";
    public const string Admin = "admin";
    public const string System = "system";
}
