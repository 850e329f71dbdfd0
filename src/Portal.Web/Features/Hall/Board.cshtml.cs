using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web.Features.Hall;

/// <summary>
/// The hall screen: the last calls of the day and their windows, the newest one large, refreshed every second without
/// reloading (wwwroot-assets/js/board.js), and each new call announced by voice (语音叫号) where the screen's browser
/// has a Chinese voice.
/// </summary>
[AllowAnonymous]
public sealed class BoardModel(IMediator mediator) : PageModel
{
    public Board.Result View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = await mediator.Send(new Board.Query(), cancellationToken);

    public static void MapBoardApi(IEndpointRouteBuilder app) =>
        app.MapGet("/api/hall/board", async (IMediator mediator, CancellationToken ct) => Results.Json(await mediator.Send(new Board.Query(), ct)))
            .AllowAnonymous();
}
