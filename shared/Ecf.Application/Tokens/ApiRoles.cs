namespace Ecf.Application.Tokens;

/// <summary>The roles an API token can hold. The strings are stored in token documents and written in tokens' claims.</summary>
public static class ApiRoles
{
    /// <summary>A lead provider's client of the v3 API; bound to exactly one lead provider.</summary>
    public const string LeadProvider = "lead_provider";

    /// <summary>The schools' registration service.</summary>
    public const string SchoolService = "school_service";

    /// <summary>Finance staff tools: contracts and statement runs.</summary>
    public const string Finance = "finance";

    /// <summary>Operators: tokens and maintenance.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [LeadProvider, SchoolService, Finance, Admin];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}
