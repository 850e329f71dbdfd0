using System.Text.Json.Serialization;

namespace Portal.Web.Features.Materials;

/// <summary>
/// One file as a form posted it, for one list item. Its name is kept as display text only; the bytes are read once,
/// after the size is checked. Neither the name nor the bytes are logged (the request log shows the item and the size).
/// </summary>
public sealed record IncomingFile(
    string ItemCode,
    [property: JsonIgnore] string? FileName,
    long Length,
    [property: JsonIgnore] Func<CancellationToken, Task<byte[]>> Read)
{
    /// <summary>The form field of an item's files: <c>material:&lt;item code&gt;</c> (two inputs: choose files, 拍照上传).</summary>
    public const string FieldPrefix = "material:";

    public static string FieldOf(string itemCode) => FieldPrefix + itemCode;

    /// <summary>Every file the form carries for some item (file inputs left empty are skipped).</summary>
    public static IReadOnlyList<IncomingFile> FromForm(IFormFileCollection files) =>
        files.Where(f => f.Name.StartsWith(FieldPrefix, StringComparison.Ordinal) && !(string.IsNullOrEmpty(f.FileName) && f.Length == 0))
            .Select(f => new IncomingFile(f.Name[FieldPrefix.Length..], f.FileName, f.Length, ct => ReadAsync(f, ct)))
            .ToList();

    public static IncomingFile FromBytes(string itemCode, string? fileName, byte[] content) =>
        new(itemCode, fileName, content.LongLength, _ => Task.FromResult(content));

    private static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        var buffer = new byte[file.Length];
        await using var stream = file.OpenReadStream();
        await stream.ReadExactlyAsync(buffer, cancellationToken);
        return buffer;
    }
}
