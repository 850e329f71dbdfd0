using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Materials;
using Portal.Testing;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Materials;

/// <summary>
/// What an interrupted upload leaves behind — a blob stored before its row was written (the process killed in between),
/// a temporary file of a disk write killed before its rename, files staged on a form that was given up — is removed by
/// the sweep once old, and never a file a case references; on SQLite (disk) and PostgreSQL (database).
/// </summary>
public sealed class OrphanSweepTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Leftovers_of_interrupted_uploads_are_removed_once_old_and_the_files_of_a_case_stay(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var kept = SampleFiles.Pdf("kept");
        var number = await factory.ApplyWithFilesAsync(applicant, "枣庄味道餐饮有限公司", MaterialSteps.File("floor-plan", kept, "平面图.pdf"));

        // An upload killed after its blob was stored and before the row that references it was written.
        var lost = SampleFiles.Pdf("lost");
        var lostHash = await factory.Service(sp => sp.GetRequiredService<IFileStore>().PutAsync(lost, CancellationToken.None));

        // A form given up after a file was staged on it.
        using var session = await new HttpSession(factory).SignedInAsync(applicant);
        var form = await session.GetAsync("/Establishment/Apply");
        var staged = await session.PostMultipartAsync("/Establishment/Apply?handler=Upload", [(HttpSession.TokenField, form.Token()!)],
            [("material:premises", "合同.pdf", SampleFiles.Pdf("abandoned"), "application/pdf")]);
        Assert.Single(staged.Html.Document.QuerySelectorAll("[data-testid=staged-file]"));

        // On disk, a write killed before its rename leaves half a file in tmp/ (never at a hash's path).
        string? part = null;
        if (provider == Provider.Sqlite)
        {
            var root = await factory.Service(sp => Task.FromResult(Assert.IsType<DiskFileStore>(sp.GetRequiredService<IFileStore>()).Root));
            part = Path.Combine(root, "tmp", $"{lostHash}.{Guid.NewGuid():N}.part");
            await File.WriteAllBytesAsync(part, lost[..(lost.Length / 2)]);
            File.SetLastWriteTimeUtc(part, factory.Time.GetUtcNow().UtcDateTime);
        }

        // While young nothing goes: an upload may be between its blob and its row at this moment.
        Assert.Equal((0, 0), await SweepAsync(factory));
        Assert.Equal(lost, await factory.StoredAsync(lostHash));

        factory.Time.Advance(TimeSpan.FromDays(8));
        var (stagedRemoved, blobsRemoved) = await SweepAsync(factory);

        Assert.Equal(1, stagedRemoved);
        // The lost blob and the abandoned form's blob (and on disk the half-written temporary file).
        Assert.Equal(provider == Provider.Sqlite ? 3 : 2, blobsRemoved);
        await Assert.ThrowsAsync<StoredFileException>(() => factory.StoredAsync(lostHash));
        Assert.True(part is null || !File.Exists(part));
        Assert.Equal(0, await factory.WithDb(db => db.MaterialFiles.CountAsync(f => f.CaseId == null)));
        var file = Assert.Single((await factory.ItemAsync(number, "floor-plan")).Files);
        Assert.Equal(kept, await factory.StoredAsync(file.Hash));

        // Swept again: nothing more to remove.
        Assert.Equal((0, 0), await SweepAsync(factory));
    }

    private static Task<(int Staged, int Blobs)> SweepAsync(PortalFactory factory) =>
        factory.Service(sp => sp.GetRequiredService<MaterialSweeper>().SweepOnceAsync(CancellationToken.None));
}
