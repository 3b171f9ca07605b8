namespace Ecf.Application.Errors;

/// <summary>Preparing a GIAS import: ecf.35NN. Each leaves the store untouched (nothing is imported).</summary>
public sealed partial record ApiError
{
    public static ApiError GiasFileUnreadable(string location) =>
        new("ecf.3501", "file", $"'{location}' could not be read.", ApiErrorKind.Validation);

    public static ApiError GiasExtractEmpty() =>
        new("ecf.3502", "extract", "The extract is empty.", ApiErrorKind.Validation);

    public static ApiError GiasExtractHasByteOrderMark() =>
        new("ecf.3503", "extract", "The extract starts with a UTF-8 byte order mark; GIAS extracts are ISO-8859-1. Nothing was imported.", ApiErrorKind.Validation);

    public static ApiError GiasExtractColumnsMissing(IEnumerable<string> columns) =>
        new("ecf.3504", "extract", $"The extract is missing required columns: {string.Join(", ", columns)}.", ApiErrorKind.Validation);

    public static ApiError GiasLinksColumnsMissing(IEnumerable<string> columns) =>
        new("ecf.3505", "links", $"The links file is missing required columns: {string.Join(", ", columns)}.", ApiErrorKind.Validation);
}
