using System.Text;
using Portal.Web.Common.Export;

namespace Portal.Web.Tests.Dashboard;

/// <summary>CSV for Excel and WPS: UTF-8 with BOM, RFC 4180 quoting, numbers as numbers, formula injection guarded.</summary>
public sealed class CsvWriterTests
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    [Fact]
    public void File_starts_with_the_utf8_bom_and_has_one_crlf_line_per_row_with_chinese_intact()
    {
        var table = new ExportTable("按事项", ["事项", "环节数", "按时办结率(%)"], [["企业开办", 7, 71.4], ["涉税办理（单独办理）", 4, 100.0]]);

        var bytes = CsvWriter.Write(table);

        Assert.Equal(Bom, bytes[..3]);
        Assert.Equal("事项,环节数,按时办结率(%)\r\n企业开办,7,71.4\r\n涉税办理（单独办理）,4,100\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Theory]
    [InlineData("普通文字", "普通文字")]
    [InlineData("甲,乙", "\"甲,乙\"")]
    [InlineData("他说\"好\"", "\"他说\"\"好\"\"\"")]
    [InlineData("\"", "\"\"\"\"")]
    [InlineData("第一行\n第二行", "\"第一行\n第二行\"")]
    [InlineData("第一行\r\n第二行", "\"第一行\r\n第二行\"")]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("=HYPERLINK(\"http://x\",\"点我\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\"")]
    [InlineData("+86 13800000001", "'+86 13800000001")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(1)", "'@SUM(1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("-", "'-")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("+3", "+3")]
    [InlineData("1e3", "1e3")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void Text_cells_are_quoted_and_guarded(string text, string expected) =>
        Assert.Equal(expected, CsvWriter.Field(text));

    [Fact]
    public void Numbers_are_written_as_invariant_numbers_never_guarded_and_empty_cells_stay_empty()
    {
        Assert.Equal("-3", CsvWriter.Field(-3));
        Assert.Equal("-1.5", CsvWriter.Field(-1.5));
        Assert.Equal("148.6", CsvWriter.Field(148.6));
        Assert.Equal("12345678901", CsvWriter.Field(12345678901L));
        Assert.Equal("0.1", CsvWriter.Field(0.1m));
        Assert.Equal("", CsvWriter.Field(null));
        // Not a number a spreadsheet can hold: written as guarded text.
        Assert.Equal("'-Infinity", CsvWriter.Field(double.NegativeInfinity));
    }

    [Fact]
    public void A_whole_table_with_awkward_cells_reads_back_field_by_field()
    {
        var table = new ExportTable("t", ["名称", "说明", "数"], [["A,B", "=1+1", -2], ["x\"y", null, 0.5]]);

        var text = Encoding.UTF8.GetString(CsvWriter.Write(table)[3..]);

        Assert.Equal("名称,说明,数\r\n\"A,B\",'=1+1,-2\r\n\"x\"\"y\",,0.5\r\n", text);
        Assert.Equal([["名称", "说明", "数"], ["A,B", "'=1+1", "-2"], ["x\"y", "", "0.5"]], Rfc4180.Parse(text));
    }
}

/// <summary>A small RFC 4180 reader for the tests (quoted fields, doubled quotes, CRLF records).</summary>
public static class Rfc4180
{
    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.False(quoted, "unterminated quoted field");
        Assert.True(field.Length == 0 && record.Count == 0, "the last record does not end with CRLF");
        return records;
    }
}
