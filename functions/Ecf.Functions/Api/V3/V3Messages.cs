namespace Ecf.Functions.Api.V3;

/// <summary>ECF's exact parameter error messages (ECF <c>config/locales/en.yml</c> and <c>Api::V3::Concerns</c>).</summary>
public static class V3Messages
{
    public const string InvalidPage = "The '#/page[page]' and '#/page[per_page]' parameter values must be a valid number (equal and more than 1)";

    public const string InvalidUpdatedSince = "The filter '#/updated_since' must be a valid RCF3339 date";

    public const string InvalidTrainingStatus = "The filter '#/training_status' must be [\"active\", \"deferred\", \"withdrawn\"]";

    public const string FilterNotAHash = "Filter must be a hash";
}
