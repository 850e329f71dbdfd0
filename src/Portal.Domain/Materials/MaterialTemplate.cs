namespace Portal.Domain.Materials;

/// <summary>
/// A template or worked example of a material: a printable page and a file generated from the same text
/// (<see cref="Format"/>). <see cref="Fields"/> are blanks to fill in (label, then a blank); <see cref="Columns"/> the
/// columns of a table (a roster) with <see cref="BlankRows"/> empty rows in a document.
/// </summary>
public sealed record MaterialTemplate(string Code, string Title, string Source, IReadOnlyList<string> Paragraphs)
{
    public TemplateFormat Format { get; init; } = TemplateFormat.Docx;

    public IReadOnlyList<string> Fields { get; init; } = [];

    public IReadOnlyList<string> Columns { get; init; } = [];

    public int BlankRows { get; init; }

    /// <summary>The download's extension: docx, xlsx or png.</summary>
    public string Extension => Format.ToString().ToLowerInvariant();

    /// <summary>The download's name as a person sees it (Chinese, the title and the extension).</summary>
    public string FileName => $"{Title}.{Extension}";
}
