namespace Portal.Web.Features.Materials;

/// <summary>The two file inputs of one list item (choose files; 拍照上传 with the phone's camera).</summary>
public sealed record FileInputs(string Code, string Name, string Formats)
{
    public string Field => IncomingFile.FieldOf(Code);

    /// <summary>What the chooser offers (the server decides the kind from the content anyway).</summary>
    public const string Accept = "application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png,.ofd";
}
