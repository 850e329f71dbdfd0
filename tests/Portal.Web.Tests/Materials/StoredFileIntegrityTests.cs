using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Materials;
using Portal.Testing;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Materials;

/// <summary>
/// The hash is checked on every read (issue 17 part 4): one byte of a stored file changed behind the portal's back — on
/// the disk beside a SQLite database, or in the blob table of PostgreSQL — and opening the file, as a download or in the
/// page, is refused with a Chinese page; none of the damaged content is served.
/// </summary>
public sealed class StoredFileIntegrityTests
{
    private const string Marker = "Intact lease contract 7f3a";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task A_stored_file_changed_by_one_byte_is_refused_in_Chinese_and_none_of_it_is_served(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var pdf = SampleFiles.Pdf(Marker);
        var number = await factory.ApplyWithFilesAsync(applicant, $"枣庄{Guid.NewGuid().ToString("N")[..4]}餐饮有限公司", MaterialSteps.File("floor-plan", pdf, "平面图.pdf"));
        var file = Assert.Single((await factory.ItemAsync(number, "floor-plan")).Files);
        using var session = await new HttpSession(factory).SignedInAsync(applicant);

        // Intact, it is served whole.
        var (intactStatus, _, intact) = await session.GetFileAsync($"/Materials/Files/{file.Id}");
        Assert.Equal(HttpStatusCode.OK, intactStatus);
        Assert.Equal(pdf, intact);

        // One byte of the marker's text flipped where the store keeps it.
        var damaged = pdf.ToArray();
        var at = IndexOf(damaged, Encoding.ASCII.GetBytes(Marker)) + 7;
        damaged[at] ^= 0x01;
        if (provider == Provider.Sqlite)
        {
            var path = await factory.Service(sp => Task.FromResult(Assert.IsType<DiskFileStore>(sp.GetRequiredService<IFileStore>()).PathOf(file.Hash)));
            Assert.Equal(pdf, await File.ReadAllBytesAsync(path));
            await File.WriteAllBytesAsync(path, damaged);
        }
        else
        {
            var changed = await factory.WithDb(db => db.Database.ExecuteSqlRawAsync(
                "UPDATE \"FileBlobs\" SET \"Content\" = {0} WHERE \"Hash\" = {1}", damaged, file.Hash));
            Assert.Equal(1, changed);
        }

        var damagedMarker = Encoding.ASCII.GetString(damaged, at - 7, Marker.Length);
        foreach (var route in new[] { $"/Materials/Files/{file.Id}", $"/Materials/Files/{file.Id}/inline" })
        {
            var (status, response, body) = await session.GetFileAsync(route);
            var text = Encoding.UTF8.GetString(body);

            // Refused like every refusal (422 with the portal's Chinese status page), not a server error.
            Assert.True(status == HttpStatusCode.UnprocessableContent, $"{route}: a damaged file answered {(int)status}: {text}");
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Null(response.Content.Headers.ContentDisposition);
            Assert.Contains("暂时不能办理", WebUtility.HtmlDecode(text));
            Assert.Contains("文件校验失败", WebUtility.HtmlDecode(text));
            Assert.Contains("lang=\"zh-CN\"", text);
            Assert.DoesNotContain("%PDF", text);
            Assert.DoesNotContain(damagedMarker, text);
            Assert.DoesNotContain(Marker, text);
            Assert.DoesNotContain("Exception", text);
            Assert.DoesNotContain("An error", text);
        }

        // The case page itself still opens.
        var page = await session.GetAsync($"/Cases/{number}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        throw new InvalidOperationException("the marker is not in the sample PDF");
    }
}
