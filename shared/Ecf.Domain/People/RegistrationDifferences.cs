namespace Ecf.Domain.People;

/// <summary>
/// How a registration differs from what is already known of the person its TRN finds (<see cref="PersonDecider.Differences"/>).
/// <see cref="FullName"/> and <see cref="Email"/> are applied; the others refuse the registration.
/// </summary>
/// <param name="DateOfBirth">Another date of birth than the one recorded (any registration of a known person).</param>
/// <param name="InductionStartDate">A repeat at the same school gives another induction start date; holds the one recorded.</param>
/// <param name="Training">A repeat at the same school asks for other training: the request attributes that differ.</param>
public sealed record RegistrationDifferences(bool FullName, bool Email, bool DateOfBirth, DateOnly? InductionStartDate, IReadOnlyList<string> Training)
{
    public static RegistrationDifferences None { get; } = new(false, false, false, null, []);
}
