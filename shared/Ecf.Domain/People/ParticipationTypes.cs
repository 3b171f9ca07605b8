namespace Ecf.Domain.People;

/// <summary>Participation types as the v3 API spells <c>participant_type</c>.</summary>
public static class ParticipationTypes
{
    public const string Ect = "ect";
    public const string Mentor = "mentor";

    public static bool IsKnown(string? value) => value is Ect or Mentor;

    /// <summary>The ECF course identifier of a participation type (<c>ecf-induction</c>, <c>ecf-mentor</c>).</summary>
    public static string CourseIdentifier(string type) => type == Mentor ? "ecf-mentor" : "ecf-induction";
}
