using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web.Features.Hall;

/// <summary>The hall screen: the numbers being called and their windows, refreshed every second without reloading.</summary>
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
