using System.Globalization;
using Ecf.Application.Errors;
using Ecf.Application.ReferenceData;
using Ecf.Domain.ReferenceData;
using Ecf.Domain.Text;

namespace Ecf.Application.Contracts;

/// <summary>The checked common part of a version: the provider, the year, the first statement month and the reason.</summary>
public sealed record ContractHeader(LeadProvider LeadProvider, int ContractYear, string AppliesFrom, string Reason);

/// <summary>
/// Checks a contract version's fields one by one against reference data (docs/domain.md#contracts): every problem is collected,
/// each on its own field, and a version (without its id and number) comes out only when there is none.
/// </summary>
public static class ContractRules
{
    private const int MaxBands = 4;

    public static (EcfContractVersion? Version, IReadOnlyList<ApiError> Errors) Ecf(EcfContractInput input, ReferenceDataSnapshot reference)
    {
        ArgumentNullException.ThrowIfNull(input);
        var check = new FieldChecks();
        var header = Header(check, input.Header, reference, ContractKinds.Ecf);
        var recruitment = check.WholeNumber(input.RecruitmentTarget, required: true);
        var revised = check.WholeNumber(input.RevisedTarget, required: false);
        var setUp = check.Money(input.SetUpFee, required: true);
        var monthly = check.Money(input.MonthlyServiceFee, required: false);
        var upliftTarget = check.Number(input.UpliftTarget);
        var upliftAmount = check.Money(input.UpliftAmount, required: false);
        var bands = Bands(check, input.Bands, input.BandList);
        if (check.Errors.Count > 0)
        {
            return (null, check.Errors);
        }

        return (new EcfContractVersion
        {
            LeadProviderId = header!.LeadProvider.Id.ToString("D"),
            ContractYear = header.ContractYear,
            AppliesFrom = header.AppliesFrom,
            Reason = header.Reason,
            RecruitmentTarget = recruitment!.Value,
            RevisedTarget = revised,
            SetUpFee = setUp!.Value,
            MonthlyServiceFee = monthly,
            UpliftTarget = upliftTarget,
            UpliftAmount = upliftAmount,
            Bands = bands,
        }, []);
    }

    public static (MentorContractVersion? Version, IReadOnlyList<ApiError> Errors) Mentor(MentorContractInput input, ReferenceDataSnapshot reference)
    {
        ArgumentNullException.ThrowIfNull(input);
        var check = new FieldChecks();
        var header = Header(check, input.Header, reference, ContractKinds.Mentor);
        var recruitment = check.WholeNumber(input.RecruitmentTarget, required: true);
        var payment = check.Money(input.PaymentPerParticipant, required: false) ?? MentorContractVersion.DefaultPaymentPerParticipant;
        if (check.Errors.Count > 0)
        {
            return (null, check.Errors);
        }

        return (new MentorContractVersion
        {
            LeadProviderId = header!.LeadProvider.Id.ToString("D"),
            ContractYear = header.ContractYear,
            AppliesFrom = header.AppliesFrom,
            Reason = header.Reason,
            RecruitmentTarget = recruitment!.Value,
            PaymentPerParticipant = payment,
        }, []);
    }

    public static (NpqContractVersion? Version, IReadOnlyList<ApiError> Errors) Npq(NpqContractInput input, ReferenceDataSnapshot reference)
    {
        ArgumentNullException.ThrowIfNull(input);
        var check = new FieldChecks();
        var header = Header(check, input.Header, reference, ContractKinds.Npq);
        var course = input.CourseIdentifier.Text;
        if (course is null)
        {
            check.Errors.Add(ApiError.ContractFieldRequired(input.CourseIdentifier.Name));
        }
        else if (!NpqCourses.Identifiers.Contains(course, StringComparer.Ordinal))
        {
            check.Errors.Add(ApiError.ContractCourseUnknown(input.CourseIdentifier.Name, course));
        }

        var recruitment = check.WholeNumber(input.RecruitmentTarget, required: true);
        var perParticipant = check.Money(input.PerParticipant, required: true);
        var output = check.Percentage(input.OutputPaymentPercentage, required: true);
        var periods = check.PositiveWholeNumber(input.NumberOfPaymentPeriods);
        var service = check.Percentage(input.ServiceFeePercentage, required: true);
        var installments = check.PositiveWholeNumber(input.ServiceFeeInstallments);
        var monthly = check.Money(input.MonthlyServiceFee, required: false);
        var tdf = check.Money(input.TargetedDeliveryFundingPerParticipant, required: false) ?? 0;
        var special = check.Boolean(input.SpecialCourse) ?? false;
        if (check.Errors.Count > 0)
        {
            return (null, check.Errors);
        }

        return (new NpqContractVersion
        {
            LeadProviderId = header!.LeadProvider.Id.ToString("D"),
            ContractYear = header.ContractYear,
            AppliesFrom = header.AppliesFrom,
            Reason = header.Reason,
            CourseIdentifier = course!,
            RecruitmentTarget = recruitment!.Value,
            PerParticipant = perParticipant!.Value,
            OutputPaymentPercentage = output!.Value,
            NumberOfPaymentPeriods = periods!.Value,
            ServiceFeePercentage = service!.Value,
            ServiceFeeInstallments = installments!.Value,
            MonthlyServiceFee = monthly,
            TargetedDeliveryFundingPerParticipant = tdf,
            SpecialCourse = special,
        }, []);
    }

    /// <summary>The reason on its own (an import checks it once, not per row).</summary>
    public static ApiError? Reason(ContractField reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var text = TextRules.Check(reason.Value, TextKind.FreeText);
        return text.Problem switch
        {
            null => null,
            TextProblem.Missing => ApiError.ContractFieldRequired(reason.Name),
            _ => ApiError.ContractReasonTooLong(reason.Name, TextRules.MaxLength(TextKind.FreeText)),
        };
    }

    /// <summary><c>yyyy-MM</c> of a statement month.</summary>
    public static string Month(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}");

    private static ContractHeader? Header(FieldChecks check, ContractHeaderInput input, ReferenceDataSnapshot reference, string kind)
    {
        var ecf = kind != ContractKinds.Npq;
        var programme = ecf ? "ECF" : "NPQ";
        LeadProvider? provider = null;
        if (input.LeadProvider.Text is not { } providerText)
        {
            check.Errors.Add(ApiError.ContractFieldRequired(input.LeadProvider.Name));
        }
        else
        {
            provider = ContractLeadProviders.Find(reference, providerText);
            if (provider is null || (ecf ? !provider.DeliversEcf : !provider.DeliversNpq))
            {
                check.Errors.Add(ApiError.ContractLeadProviderUnknown(input.LeadProvider.Name, providerText, programme));
                provider = null;
            }
        }

        int? year = null;
        if (input.ContractYear.Text is not { } yearText)
        {
            check.Errors.Add(ApiError.ContractFieldRequired(input.ContractYear.Name));
        }
        else if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || reference.GetContractPeriod(parsed) is not { } period)
        {
            check.Errors.Add(ApiError.ContractYearUnknown(input.ContractYear.Name, yearText, "it is not a contract period of this service."));
        }
        else if (kind == ContractKinds.Mentor && !period.MentorFunding)
        {
            check.Errors.Add(ApiError.ContractYearUnknown(input.ContractYear.Name, yearText, "mentors have their own contract only from the years that fund them separately (2025 on)."));
        }
        else if (ecf && provider is not null && !provider.IsActiveForEcf(parsed))
        {
            check.Errors.Add(ApiError.ContractYearUnknown(input.ContractYear.Name, yearText, $"{provider.Name} has no ECF contract for it."));
        }
        else
        {
            year = parsed;
        }

        string? appliesFrom = null;
        if (input.AppliesFrom.Text is not { } monthText)
        {
            check.Errors.Add(ApiError.ContractFieldRequired(input.AppliesFrom.Name));
        }
        else if (!DateOnly.TryParseExact(monthText + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            check.Errors.Add(ApiError.ContractAppliesFrom(input.AppliesFrom.Name, monthText, "must be a statement month, yyyy-MM."));
        }
        else if (year is { } y && !reference.GetStatementCalendar(y).Any(e => e.Year == first.Year && e.Month == first.Month))
        {
            check.Errors.Add(ApiError.ContractAppliesFrom(input.AppliesFrom.Name, monthText, $"is not a statement month of the {y} contract year."));
        }
        else
        {
            appliesFrom = Month(first.Year, first.Month);
        }

        if (Reason(input.Reason) is { } reasonError)
        {
            check.Errors.Add(reasonError);
        }

        return provider is null || year is null || appliesFrom is null || check.Errors.Count > 0
            ? null
            : new ContractHeader(provider, year.Value, appliesFrom, input.Reason.Text!);
    }

    private static IReadOnlyList<ContractBand> Bands(FieldChecks check, ContractField field, IReadOnlyList<ContractBandInput> inputs)
    {
        if (inputs.Count is 0 or > MaxBands)
        {
            check.Errors.Add(ApiError.ContractBandCount(field.Name));
            return [];
        }

        var errorsBefore = check.Errors.Count;
        var read = new List<(int Min, int? Max, decimal PerParticipant, decimal Output, decimal Service, ContractBandInput Input)>();
        foreach (var band in inputs)
        {
            var min = check.WholeNumber(band.Min, required: true);
            var max = check.WholeNumber(band.Max, required: false);
            var perParticipant = check.Money(band.PerParticipant, required: true);
            var output = check.Percentage(band.OutputPaymentPercentage, required: false) ?? ContractBand.DefaultOutputPaymentPercentage;
            var service = check.Percentage(band.ServiceFeePercentage, required: false) ?? ContractBand.DefaultServiceFeePercentage;
            if (min is { } lower && max is { } upper && upper < lower)
            {
                check.Errors.Add(ApiError.ContractBandRange(band.Max.Name));
            }

            if (min is not null && perParticipant is not null)
            {
                read.Add((min.Value, max, perParticipant.Value, output, service, band));
            }
        }

        if (check.Errors.Count > errorsBefore)
        {
            return [];
        }

        for (var i = 1; i < read.Count; i++)
        {
            var previous = read[i - 1];
            if (previous.Max is not { } previousMax || read[i].Min <= previousMax)
            {
                check.Errors.Add(ApiError.ContractBandsOverlap(
                    read[i].Input.Min.Name,
                    previous.Max is { } max
                        ? $"The band must start above the previous band's max ({max.ToString(CultureInfo.InvariantCulture)}): bands are in order and do not overlap."
                        : "Only the last band may be open at the top (no max)."));
            }
        }

        return [.. read.Select((b, i) => new ContractBand(((char)('A' + i)).ToString(), b.Min, b.Max, b.PerParticipant, b.Output, b.Service))];
    }

    /// <summary>Reads fields as numbers, adding one error per refused field.</summary>
    private sealed class FieldChecks
    {
        public List<ApiError> Errors { get; } = [];

        public int? WholeNumber(ContractField field, bool required)
        {
            if (Present(field, required) is not { } text)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            Errors.Add(ApiError.ContractWholeNumber(field.Name, text));
            return null;
        }

        public int? PositiveWholeNumber(ContractField field)
        {
            if (Present(field, required: true) is not { } text)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
            {
                return value;
            }

            Errors.Add(ApiError.ContractPositiveWholeNumber(field.Name, text));
            return null;
        }

        public decimal? Money(ContractField field, bool required)
        {
            if (Present(field, required) is not { } text)
            {
                return null;
            }

            if (Decimal(text) is { } value && decimal.Round(value, 2) == value)
            {
                return value;
            }

            Errors.Add(ApiError.ContractMoney(field.Name, text));
            return null;
        }

        public decimal? Number(ContractField field)
        {
            if (Present(field, required: false) is not { } text)
            {
                return null;
            }

            if (Decimal(text) is { } value)
            {
                return value;
            }

            Errors.Add(ApiError.ContractNumber(field.Name, text));
            return null;
        }

        public decimal? Percentage(ContractField field, bool required)
        {
            if (Present(field, required) is not { } text)
            {
                return null;
            }

            if (Decimal(text) is { } value && value <= 100)
            {
                return value;
            }

            Errors.Add(ApiError.ContractPercentage(field.Name, text));
            return null;
        }

        public bool? Boolean(ContractField field)
        {
            if (Present(field, required: false) is not { } text)
            {
                return null;
            }

            if (text is "true" or "false")
            {
                return text == "true";
            }

            Errors.Add(ApiError.ContractBoolean(field.Name, text));
            return null;
        }

        private string? Present(ContractField field, bool required)
        {
            if (field.Text is { } text)
            {
                return text;
            }

            if (required)
            {
                Errors.Add(ApiError.ContractFieldRequired(field.Name));
            }

            return null;
        }

        /// <summary>A plain non-negative decimal (digits and one point: no sign, exponent or thousands separator).</summary>
        private static decimal? Decimal(string text) =>
            decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
