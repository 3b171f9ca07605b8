namespace Ecf.Domain.People;

public static class EmailSources
{
    public const string SchoolRegistration = "school_registration";
    public const string Admin = "admin";
    public const string NpqApplication = "npq_application";
    public const string Trs = "trs";
}
