using System.Globalization;

namespace Ecf.Application.Gias;

/// <summary>
/// A later occurrence of a URN already seen earlier in the extract, found by the prepare step (which reads every row's URN).
/// Only these travel with the plan, never the full URN set; the batch holding <see cref="Row"/> rejects that row.
/// </summary>
/// <param name="Row">The later row (header = row 1).</param>
/// <param name="Urn">The URN both rows carry.</param>
/// <param name="FirstRow">The first row carrying it: that one is imported (if it is otherwise valid).</param>
public sealed record GiasDuplicateUrn(int Row, int Urn, int FirstRow)
{
    /// <summary>The rejection reason of <see cref="Row"/> (a method, so it is not serialized with the plan).</summary>
    public string Reason() => string.Create(CultureInfo.InvariantCulture, $"Duplicate URN {Urn}, first seen at row {FirstRow}.");
}
