namespace Ecf.Application.Errors;

/// <summary>
/// Contract versions (docs/domain.md#contracts): ecf.38NN. The title is the refused field (for a CSV import, its row and
/// column); every problem of a request is reported, each with its own code.
/// </summary>
public sealed partial record ApiError
{
    public static ApiError ContractFieldRequired(string field) =>
        new("ecf.3801", field, $"Enter the {field}.", ApiErrorKind.Validation);

    public static ApiError ContractWholeNumber(string field, string value) =>
        new("ecf.3802", field, $"The {field} '{value}' must be a whole number, 0 or more.", ApiErrorKind.Validation);

    public static ApiError ContractMoney(string field, string value) =>
        new("ecf.3803", field, $"The {field} '{value}' must be an amount in pounds, 0 or more, with at most 2 decimals.", ApiErrorKind.Validation);

    public static ApiError ContractPercentage(string field, string value) =>
        new("ecf.3804", field, $"The {field} '{value}' must be a percentage from 0 to 100.", ApiErrorKind.Validation);

    public static ApiError ContractLeadProviderUnknown(string field, string value, string programme) =>
        new("ecf.3805", field, $"'{value}' is not a lead provider that delivers {programme}.", ApiErrorKind.Validation);

    public static ApiError ContractYearUnknown(string field, string value, string why) =>
        new("ecf.3806", field, $"'{value}' is not a contract year for this contract: {why}", ApiErrorKind.Validation);

    public static ApiError ContractCourseUnknown(string field, string value) =>
        new("ecf.3807", field, $"'{value}' is not an NPQ course identifier.", ApiErrorKind.Validation);

    public static ApiError ContractAppliesFrom(string field, string value, string why) =>
        new("ecf.3808", field, $"The {field} '{value}' {why}", ApiErrorKind.Validation);

    public static ApiError ContractReasonTooLong(string field, int maxLength) =>
        new("ecf.3809", field, $"The {field} must be {maxLength} characters or fewer, with no control characters.", ApiErrorKind.Validation);

    public static ApiError ContractBandCount(string field) =>
        new("ecf.3810", field, "A contract has one to four bands.", ApiErrorKind.Validation);

    public static ApiError ContractBandsOverlap(string field, string detail) =>
        new("ecf.3811", field, detail, ApiErrorKind.Validation);

    public static ApiError ContractBandRange(string field) =>
        new("ecf.3812", field, "The band's max must not be below its min.", ApiErrorKind.Validation);

    public static ApiError ContractNumber(string field, string value) =>
        new("ecf.3813", field, $"The {field} '{value}' must be a number, 0 or more.", ApiErrorKind.Validation);

    public static ApiError ContractBoolean(string field, string value) =>
        new("ecf.3814", field, $"The {field} '{value}' must be true or false.", ApiErrorKind.Validation);

    public static ApiError ContractPositiveWholeNumber(string field, string value) =>
        new("ecf.3815", field, $"The {field} '{value}' must be a whole number, 1 or more.", ApiErrorKind.Validation);

    /// <summary>The version would apply to a statement that is payable or paid: what was paid, or is about to be, must not change.</summary>
    public static ApiError ContractChangesClosedStatement(string field, string statementName, string statementId, string state) =>
        new("ecf.3820", field, $"The version would change the {statementName} statement ({statementId}), which is {state}; apply it from a later month.", ApiErrorKind.Validation);

    public static ApiError ContractsFileEmpty() =>
        new("ecf.3830", "file", "The file is empty; a header line is required.", ApiErrorKind.Validation);

    public static ApiError ContractsFileHeader(string expected) =>
        new("ecf.3831", "file", $"The header must be '{expected}'.", ApiErrorKind.Validation);

    public static ApiError ContractsFileRowWidth(int row, int expected, int found) =>
        new("ecf.3832", $"row {row}", $"Row {row} has {found} fields; the header has {expected}.", ApiErrorKind.Validation);

    public static ApiError ContractsFileNoRows() =>
        new("ecf.3833", "file", "The file has a header but no rows.", ApiErrorKind.Validation);

    public static ApiError ContractsFileDuplicate(int row, int first) =>
        new("ecf.3834", $"row {row}", $"Row {row} is for the same lead provider and contract year as row {first}.", ApiErrorKind.Validation);

    public static ApiError ContractKindUnknown(string value) =>
        new("ecf.3835", "kind", $"'{value}' is not a contract kind: ecf, mentor or npq.", ApiErrorKind.Validation);

    /// <summary>The error of a CSV cell: the same code, titled and prefixed with its row and column.</summary>
    public ApiError AtRow(int row) => this with { Title = $"row {row}, {Title}", Detail = $"Row {row}, {Title}: {Detail}" };
}
