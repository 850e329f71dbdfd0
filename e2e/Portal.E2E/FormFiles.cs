using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.E2E;

/// <summary>
/// Files chosen on an application form's material lines the way a person does: the line's 选择文件 input
/// (<c>data-testid=file-{code}</c>) is given a small, valid PDF.
/// </summary>
public static class FormFiles
{
    /// <summary>Chooses a PDF named <paramref name="fileName"/> for the list item <paramref name="code"/> inside <paramref name="scope"/>.</summary>
    public static Task ChooseAsync(ILocator scope, string code, string fileName) =>
        scope.Locator($"[data-testid=file-{code}]").SetInputFilesAsync(new FilePayload
        {
            Name = fileName,
            MimeType = "application/pdf",
            Buffer = SampleFiles.Pdf(code),
        });

    /// <summary>The 住所（经营场所）使用证明 of a 企业开办 form: required and not 容缺, so 即报即得 and the window's 受理 ask for it.</summary>
    public static Task ChoosePremisesAsync(ILocator form) => ChooseAsync(form, "premises", "房屋租赁合同.pdf");

    /// <summary>The two lines a catering scope adds (经营场所平面布局图, 食品安全管理制度): required for the window's 受理.</summary>
    public static async Task ChooseCateringAsync(ILocator form)
    {
        await ChooseAsync(form, "floor-plan", "经营场所平面布局图.pdf");
        await ChooseAsync(form, "food-safety-rules", "食品安全管理制度.pdf");
    }
}
