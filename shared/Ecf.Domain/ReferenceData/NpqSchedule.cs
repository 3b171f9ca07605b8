namespace Ecf.Domain.ReferenceData;

/// <summary>An NPQ schedule of one cohort (npq-registration <c>schedules</c>).</summary>
/// <param name="Cohort">The cohort start year.</param>
/// <param name="Identifier">e.g. <c>npq-leadership-autumn</c>.</param>
/// <param name="Name">e.g. <c>NPQ Leadership Autumn</c>.</param>
/// <param name="CourseGroup"><c>leadership</c>, <c>specialist</c>, <c>support</c> (ASO) or <c>ehco</c>.</param>
/// <param name="AppliesFrom">First day the schedule applies.</param>
/// <param name="AppliesTo">Last day the schedule applies.</param>
/// <param name="AllowedDeclarationTypes">Declaration types allowed on this schedule (specialist omits retained-2).</param>
public sealed record NpqSchedule(
    int Cohort,
    string Identifier,
    string Name,
    string CourseGroup,
    DateOnly AppliesFrom,
    DateOnly AppliesTo,
    IReadOnlyList<string> AllowedDeclarationTypes)
{
    public bool Allows(string declarationType) => AllowedDeclarationTypes.Contains(declarationType, StringComparer.Ordinal);
}
