using Portal.Domain.Privacy;

namespace Portal.Domain.Tests.Privacy;

public class PersonalDataTests
{
    [Theory]
    [InlineData("370102199003071234", "3701**********1234")]
    [InlineData("11010519491231002X", "1101**********002X")]
    [InlineData(" 11010519491231002x ", "1101**********002x")]
    [InlineData("370102900307123", "3701*******7123")]   // legacy 15-digit number
    public void An_ID_number_keeps_the_first_four_and_last_four_characters(string value, string expected)
    {
        Assert.Equal(expected, PersonalData.MaskIdNumber(value));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("1234", "****")]
    [InlineData("E12345678", "*********")]        // too short to keep both ends
    [InlineData("37010219900307", "**************")]
    public void A_short_or_missing_ID_number_is_starred_completely(string? value, string expected)
    {
        Assert.Equal(expected, PersonalData.MaskIdNumber(value));
    }

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("19912345678", "199****5678")]
    [InlineData("01088886666", "010****6666")]
    [InlineData("88886666", "888*6666")]
    [InlineData("+8613812345678", "+86*******5678")]
    public void A_phone_number_keeps_the_first_three_and_last_four_characters(string value, string expected)
    {
        Assert.Equal(expected, PersonalData.MaskPhone(value));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("110", "***")]
    [InlineData("8888666", "*******")]
    public void A_short_or_missing_phone_number_is_starred_completely(string? value, string expected)
    {
        Assert.Equal(expected, PersonalData.MaskPhone(value));
    }

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData("李小龙", "李**")]
    [InlineData(" 王五 ", "王*")]
    [InlineData("阿卜杜拉·买买提", "阿*******")]
    [InlineData("𠮷野家", "𠮷**")]   // a character outside the BMP counts as one
    [InlineData("王𠮷", "王*")]
    [InlineData("张", "*")]          // keeping the only character would show the whole name
    [InlineData("", "")]
    [InlineData(null, "")]
    public void A_name_keeps_only_its_first_character(string? value, string expected)
    {
        Assert.Equal(expected, PersonalData.MaskName(value));
    }

    [Fact]
    public void Text_with_several_ID_and_phone_numbers_has_each_one_masked()
    {
        var text = "申请人370102199003071234，电话13812345678；代理人11010519491231002x，电话 15900001111。";

        Assert.Equal(
            "申请人3701**********1234，电话138****5678；代理人1101**********002x，电话 159****1111。",
            PersonalData.MaskText(text));
    }

    [Fact]
    public void Numbers_right_next_to_Chinese_characters_are_masked()
    {
        Assert.Equal("身份证号3701**********1234已提交", PersonalData.MaskText("身份证号370102199003071234已提交"));
        Assert.Equal("联系电话138****5678请回电", PersonalData.MaskText("联系电话13812345678请回电"));
    }

    [Fact]
    public void Numbers_inside_JSON_are_masked_and_the_JSON_stays_intact()
    {
        var json = """{"idNumber":"11010519491231002X","mobile":"13812345678","caseNo":"2026091300012345678901"}""";

        Assert.Equal(
            """{"idNumber":"1101**********002X","mobile":"138****5678","caseNo":"2026091300012345678901"}""",
            PersonalData.MaskText(json));
    }

    [Theory]
    [InlineData("订单号2026091312345678901234已支付")]   // 22-digit run contains phone-like and ID-like digits
    [InlineData("流水号 138123456789")]                 // 12 digits: not a phone
    [InlineData("编号 113812345678")]                   // digit before the phone-like run
    [InlineData("37010219900307123456")]              // 20 digits: not an ID
    [InlineData("12812345678")]                       // 12x is not a mobile prefix
    [InlineData("时间戳 1726905600000")]               // 13-digit timestamp starting with 17
    [InlineData("３７０１０２１９９００３０７１２３４")]   // full-width digits are not matched as ASCII digits
    public void Long_digit_runs_and_other_numbers_are_left_alone(string text)
    {
        Assert.Equal(text, PersonalData.MaskText(text));
    }

    [Fact]
    public void A_phone_number_with_the_country_code_is_masked_after_the_code()
    {
        Assert.Equal("Tel: +86 138****5678, +86138****5678", PersonalData.MaskText("Tel: +86 13812345678, +8613812345678"));
    }

    [Fact]
    public void Letters_around_a_number_do_not_prevent_masking()
    {
        Assert.Equal("id=3701**********1234&tel=138****5678", PersonalData.MaskText("id=370102199003071234&tel=13812345678"));
    }

    [Fact]
    public void Null_and_text_without_numbers_are_returned_unchanged()
    {
        Assert.Equal("", PersonalData.MaskText(null));
        Assert.Equal("", PersonalData.MaskText(""));
        Assert.Equal("材料已受理，请于5个工作日内补正。", PersonalData.MaskText("材料已受理，请于5个工作日内补正。"));
    }

    [Theory]
    [InlineData("股东“李华”的证件号码既不是有效的居民身份证号，也不是有效的统一社会信用代码，请核对。", "股东“李*”的证件号码既不是有效的居民身份证号，也不是有效的统一社会信用代码，请核对。")]
    [InlineData("承诺书须由法定代表人“欧阳娜娜”签名。", "承诺书须由法定代表人“欧***”签名。")]
    [InlineData("“13812345678”不是有效的联系电话，请重新填写。", "“1**********”不是有效的联系电话，请重新填写。")]
    [InlineData("手机号或用户名「zhangsan」已注册。", "手机号或用户名「z*******」已注册。")]
    [InlineData("名称含有\"张三\"。", "名称含有\"张*\"。")]
    public void A_refusal_message_is_logged_with_every_quoted_value_masked_like_a_name(string message, string logged)
    {
        Assert.Equal(logged, PersonalData.MaskMessage(message));
    }

    [Fact]
    public void A_refusal_message_is_logged_with_id_and_mobile_numbers_masked_outside_quotes_too()
    {
        Assert.Equal(
            "未找到手机号138****5678或身份证号3701**********1234的申请人。",
            PersonalData.MaskMessage("未找到手机号13812345678或身份证号370102199003071234的申请人。"));
    }

    [Fact]
    public void A_refusal_message_without_personal_data_is_logged_unchanged()
    {
        Assert.Equal("统计期间最长366天，请缩短期间。", PersonalData.MaskMessage("统计期间最长366天，请缩短期间。"));
        Assert.Equal("", PersonalData.MaskMessage(null));
    }
}
