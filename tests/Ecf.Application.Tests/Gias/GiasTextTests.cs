using System.Text;
using Ecf.Application.Gias;

namespace Ecf.Application.Tests.Gias;

public sealed class GiasTextTests
{
    [Fact]
    public void EncodingProblem_Latin1Text_IsNone() =>
        Assert.Null(GiasText.EncodingProblem(Encoding.Latin1.GetBytes("École Française, Côte St Mary's")));

    [Fact]
    public void EncodingProblem_Utf8MultiByte_IsReported() =>
        Assert.Equal("UTF-8 byte sequence in an ISO-8859-1 file", GiasText.EncodingProblem(Encoding.UTF8.GetBytes("Café")));

    [Theory]
    [InlineData(new byte[] { 0x41, 0x00, 0x42 })]
    [InlineData(new byte[] { 0x41, 0x92, 0x42 })]
    [InlineData(new byte[] { 0x41, 0x7F })]
    public void EncodingProblem_ControlCharacters_AreReported(byte[] bytes) =>
        Assert.StartsWith("control character", GiasText.EncodingProblem(bytes), StringComparison.Ordinal);

    [Theory]
    [InlineData("100001", true)]
    [InlineData(" 20001 ", true)]
    [InlineData("12AB", false)]
    [InlineData("", false)]
    [InlineData("0", false)]
    [InlineData("-5", false)]
    [InlineData("123456789", false)]
    public void TryParseUrn_Values_AcceptsOnlyPositiveDigits(string value, bool expected) =>
        Assert.Equal(expected, GiasText.TryParseUrn(value, out _));

    [Fact]
    public void CsvRecordReader_QuotedFieldsAndOffsets_ReadsRecordsAndResumesAtAnOffset()
    {
        var bytes = Encoding.Latin1.GetBytes("URN,Name\r\n1,\"A, \"\"quoted\"\" name\"\r\n2,\"two\r\nlines\"\r\n3,Plain\r\n");
        using var reader = new CsvRecordReader(new MemoryStream(bytes));
        Assert.True(reader.Read());
        Assert.True(reader.Read());
        Assert.Equal("A, \"quoted\" name", reader.FieldString(1));
        Assert.True(reader.Read());
        Assert.Equal("two\r\nlines".Replace("\r", "", StringComparison.Ordinal), reader.FieldString(1).Replace("\r", "", StringComparison.Ordinal));
        var offset = reader.NextOffset;

        using var resumed = new CsvRecordReader(new MemoryStream(bytes[(int)offset..]), offset);

        Assert.True(resumed.Read());
        Assert.Equal("3", resumed.FieldString(0));
        Assert.Equal(offset, resumed.RecordOffset);
        Assert.False(resumed.Read());
    }
}
