using System.Globalization;

namespace Ecf.Domain.Schools;

/// <summary>
/// A school's funding uplifts for a cohort (start year): pupil premium (at least 40% of pupils) and sparsity (a sparse local
/// authority district). The <c>schools</c> document <c>uplifts:&lt;year&gt;</c> in the school's partition, imported from the
/// yearly pupil premium and sparsity file. A participation copies the flags of its school and cohort when it is registered
/// (the v3 <c>pupil_premium_uplift</c> and <c>sparsity_uplift</c>).
/// </summary>
public sealed record SchoolUplifts
{
    public const string DocumentKind = "school-uplifts";

    public required string Id { get; init; }

    public required string SchoolId { get; init; }

    public string Kind { get; init; } = DocumentKind;

    public required int Year { get; init; }

    /// <summary>The URN of the file's row.</summary>
    public required int Urn { get; init; }

    public required bool PupilPremium { get; init; }

    public required bool Sparsity { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public static string DocumentId(int year) => "uplifts:" + year.ToString(CultureInfo.InvariantCulture);
}
