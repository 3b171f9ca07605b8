using Ecf.Domain.People;

namespace Ecf.Domain.Declarations;

/// <summary>The ECF course identifiers of the v3 API (<see cref="ParticipationTypes.CourseIdentifier"/> gives a participation's).</summary>
public static class CourseIdentifiers
{
    public const string EcfInduction = "ecf-induction";
    public const string EcfMentor = "ecf-mentor";

    /// <summary>The participation type the course is for, or null for an unknown course.</summary>
    public static string? ParticipationType(string? courseIdentifier) => courseIdentifier switch
    {
        EcfInduction => ParticipationTypes.Ect,
        EcfMentor => ParticipationTypes.Mentor,
        _ => null,
    };
}
