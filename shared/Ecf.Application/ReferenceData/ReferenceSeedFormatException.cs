namespace Ecf.Application.ReferenceData;

/// <summary>A seed file is malformed. The message names the file and line; a deployment defect, so it is thrown, not returned.</summary>
public sealed class ReferenceSeedFormatException : Exception
{
    public ReferenceSeedFormatException()
    {
    }

    public ReferenceSeedFormatException(string message)
        : base(message)
    {
    }

    public ReferenceSeedFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ReferenceSeedFormatException(string file, int line, string problem)
        : base($"{file} line {line}: {problem}")
    {
        File = file;
        Line = line;
    }

    /// <summary>The seed file, e.g. <c>ecf_schedules.csv</c>.</summary>
    public string? File { get; }

    /// <summary>1-based line number in <see cref="File"/> (the header is line 1).</summary>
    public int Line { get; }
}
