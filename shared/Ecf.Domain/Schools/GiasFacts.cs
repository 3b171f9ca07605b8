using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ecf.Domain.Schools;

/// <summary>
/// The facts GIAS publishes about one establishment (one URN), as read from the edubasealldata extract.
/// Codes are kept as GIAS strings ("1", "E09000001"); names as published. Dates are calendar dates.
/// </summary>
public sealed record GiasFacts
{
    public required int Urn { get; init; }

    public required string Name { get; init; }

    public required string TypeCode { get; init; }

    public string? TypeName { get; init; }

    public required string StatusCode { get; init; }

    public string? StatusName { get; init; }

    public DateOnly? OpenDate { get; init; }

    public DateOnly? CloseDate { get; init; }

    public string? PhaseCode { get; init; }

    public string? PhaseName { get; init; }

    public string? LaCode { get; init; }

    public string? LaName { get; init; }

    public string? EstablishmentNumber { get; init; }

    public string? DistrictAdministrativeCode { get; init; }

    public string? DistrictAdministrativeName { get; init; }

    public string? Ukprn { get; init; }

    public SchoolAddress? Address { get; init; }

    public string? Website { get; init; }

    /// <summary><c>Section41Approved (name)</c> is "Approved".</summary>
    public bool Section41Approved { get; init; }

    public DateOnly? LastChangedDate { get; init; }

    /// <summary>
    /// A content hash of every fact above, normalised (trimmed, fixed field order, invariant date format), so the same
    /// row always hashes the same whatever the file's column order. Changed-detection compares this with the stored hash.
    /// </summary>
    public string ContentHash()
    {
        var builder = new StringBuilder(512);
        void Add(string? value) => builder.Append(value?.Trim()).Append('\u001f');
        void AddDate(DateOnly? value) => Add(value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        Add(Urn.ToString(CultureInfo.InvariantCulture));
        Add(Name);
        Add(TypeCode);
        Add(TypeName);
        Add(StatusCode);
        Add(StatusName);
        AddDate(OpenDate);
        AddDate(CloseDate);
        Add(PhaseCode);
        Add(PhaseName);
        Add(LaCode);
        Add(LaName);
        Add(EstablishmentNumber);
        Add(DistrictAdministrativeCode);
        Add(DistrictAdministrativeName);
        Add(Ukprn);
        Add(Address?.Street);
        Add(Address?.Locality);
        Add(Address?.Address3);
        Add(Address?.Town);
        Add(Address?.County);
        Add(Address?.Postcode);
        Add(Website);
        Add(Section41Approved ? "1" : "0");
        AddDate(LastChangedDate);

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString()), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}
