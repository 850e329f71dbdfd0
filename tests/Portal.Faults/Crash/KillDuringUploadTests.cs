using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Portal.Faults.Support;
using Portal.Infrastructure.Materials;
using Portal.Testing;
using Xunit.Abstractions;

namespace Portal.Faults.Crash;

/// <summary>
/// The portal process is killed with SIGKILL while a file is half uploaded, then started again on the same database:
/// the files it acknowledged before are there whole, the half file is referenced nowhere, and every stored file (on
/// disk with SQLite, in the database with PostgreSQL) holds exactly the content its SHA-256 name says.
/// </summary>
public sealed class KillDuringUploadTests(ITestOutputHelper output)
{
    private const string UploadPath = "/Establishment/Apply?handler=Upload";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Killing_the_portal_during_an_upload_leaves_no_half_file_referenced_and_keeps_the_acknowledged_ones(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var settings = new Dictionary<string, string> { ["Portal__SeedDemoData"] = "true" };
        var portal = await PortalProcess.StartAsync("before the kill", database, settings);
        PortalProcess? restarted = null;
        var plan = SampleFiles.Pdf("floor plan");
        var photo = SampleFiles.Jpeg(orientation: 6);
        var big = SampleFiles.PhonePhoto();
        try
        {
            using var session = new WebSession(portal.Url);
            await session.SignInAsync("13800000002");
            var token = await Establishment.TokenAsync(session);

            // Two files acknowledged (staged on the form).
            using var client = ClientOf(portal.Url, session);
            using (var whole = Multipart(token, ("material:floor-plan", "平面图.pdf", new ByteArrayContent(plan), "application/pdf"), ("material:food-safety-rules", "IMG_0001.jpg", new ByteArrayContent(photo), "image/jpeg")))
            using (var answer = await client.PostAsync(UploadPath, whole))
            {
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
                Assert.Equal(2, new PortalHtml(await answer.Content.ReadAsStringAsync()).Document.QuerySelectorAll("[data-testid=staged-file]").Length);
            }

            // A third, several MB, is half sent when the process is killed.
            var halfSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var stalled = new StalledStream(big, big.Length / 2, halfSent);
            using var half = Multipart(token, ("material:premises", "IMG_0002.jpg", new StreamContent(stalled), "image/jpeg"));
            var post = client.PostAsync(UploadPath, half);
            await halfSent.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await portal.KillAndWaitAsync();

            // The browser sends the rest into the dead connection (without this the client waited out its own
            // two-minute timeout, a stalled body hiding the reset from it).
            stalled.Release();
            var cut = await Record.ExceptionAsync(() => post);
            Assert.True(cut is HttpRequestException or TaskCanceledException or IOException, $"the half upload was answered: {cut}");
            output.WriteLine($"{provider}: killed with {big.Length / 2} of {big.Length} bytes sent ({cut!.GetType().Name})");

            // Started again on the same database.
            restarted = await PortalProcess.StartAsync("after the kill", database, settings);
            // The files on no case yet (the demo data's files are all on their cases): the two acknowledged ones.
            var all = await database.ReadAsync(db => db.MaterialFiles.AsNoTracking().ToListAsync());
            Assert.DoesNotContain(all, r => r.Hash == ContentHash.Of(big) || r.DisplayName == "IMG_0002.jpg");
            var rows = all.Where(r => r.CaseId is null).ToList();
            Assert.Equal(2, rows.Count);
            Assert.Equal(
                new[] { ContentHash.Of(plan), ContentHash.Of(photo) }.Order(),
                rows.Select(r => r.Hash).Order());

            // Every stored file is whole: its content hashes to its name, and the half file is not among them.
            var stored = await StoredAsync(database);
            Assert.NotEmpty(stored);
            Assert.All(stored, s => Assert.Equal(s.Hash, ContentHash.Of(s.Content)));
            Assert.DoesNotContain(stored, s => s.Hash == ContentHash.Of(big));

            // The restarted portal shows the applicant the two acknowledged files, each byte for byte.
            using var again = new WebSession(restarted.Url);
            await again.SignInAsync("13800000002");
            var form = await again.GetAsync("/Establishment/Apply");
            var links = form.Html.Document.QuerySelectorAll("[data-testid=staged-file] a").Select(a => a.GetAttribute("href")!).ToList();
            Assert.Equal(2, links.Count);
            using var reader = ClientOf(restarted.Url, again);
            var served = new List<byte[]>();
            foreach (var link in links)
            {
                served.Add(await reader.GetByteArrayAsync(link));
            }

            Assert.Contains(served, b => b.SequenceEqual(plan));
        }
        catch
        {
            output.WriteLine($"--- portal before the kill ---\n{portal.Tail()}");
            if (restarted is not null)
            {
                output.WriteLine($"--- portal after the kill ---\n{restarted.Tail()}");
            }

            throw;
        }
        finally
        {
            await portal.DisposeAsync();
            if (restarted is not null)
            {
                await restarted.DisposeAsync();
            }
        }
    }

    private static HttpClient ClientOf(string url, WebSession session) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = session.Cookies })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(120),
        };

    private static MultipartFormDataContent Multipart(string token, params (string Field, string FileName, HttpContent Content, string MediaType)[] files)
    {
        var content = new MultipartFormDataContent { { new StringContent(token), WebSession.TokenField } };
        foreach (var (field, fileName, part, mediaType) in files)
        {
            part.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            content.Add(part, field, fileName);
        }

        return content;
    }

    /// <summary>Every stored file with its content: the files under the disk store's folder beside the SQLite file
    /// (temporary files of interrupted writes excluded: they are never at a hash's path), or the database's blobs.</summary>
    private static async Task<List<(string Hash, byte[] Content)>> StoredAsync(TestDatabase database)
    {
        if (database is SqliteDatabase sqlite)
        {
            var root = Path.Combine(Path.GetDirectoryName(sqlite.File)!, "portal-files");
            var files = Directory.Exists(root)
                ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(Path.GetDirectoryName(f)) != "tmp").ToList()
                : [];
            var list = new List<(string, byte[])>();
            foreach (var file in files)
            {
                list.Add((Path.GetFileName(file), await File.ReadAllBytesAsync(file)));
            }

            return list;
        }

        var blobs = await database.ReadAsync(db => db.Set<FileBlob>().AsNoTracking().ToListAsync());
        return blobs.Select(b => (b.Hash, b.Content)).ToList();
    }

    /// <summary>
    /// Gives the first <paramref name="limit"/> bytes, says so, then waits (the upload hangs there) until disposed — or,
    /// once <see cref="Release"/>d, gives the rest.
    /// </summary>
    private sealed class StalledStream(byte[] content, int limit, TaskCompletionSource halfSent) : Stream
    {
        private readonly CancellationTokenSource disposed = new();

        private readonly CancellationTokenSource released = new();

        private int position;

        private bool isDisposed;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => position; set => throw new NotSupportedException(); }

        /// <summary>Ends the stall: the rest of the content follows.</summary>
        public void Release() => released.Cancel();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (position >= limit && !released.IsCancellationRequested)
            {
                halfSent.TrySetResult();
                using var any = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, disposed.Token, released.Token);
                try
                {
                    await Task.Delay(Timeout.Infinite, any.Token);
                }
                catch (OperationCanceledException) when (released.IsCancellationRequested && !cancellationToken.IsCancellationRequested && !isDisposed)
                {
                }
            }

            var end = released.IsCancellationRequested ? content.Length : limit;
            var count = Math.Min(buffer.Length, end - position);
            content.AsMemory(position, count).CopyTo(buffer);
            position += count;
            return count;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            // Disposed twice: by the StreamContent that sends it and by the test.
            if (disposing && !isDisposed)
            {
                isDisposed = true;
                disposed.Cancel();
                disposed.Dispose();
                released.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
