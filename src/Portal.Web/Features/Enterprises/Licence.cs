using System.Globalization;
using System.Net;
using System.Text;
using QRCoder;

namespace Portal.Web.Features.Enterprises;

/// <summary>Drawings for the electronic licence: the verification QR code and the electronic seal, as inline SVG.</summary>
public static class Licence
{
    /// <summary>A QR code (SVG) that opens the public verification page.</summary>
    public static string QrSvg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(new System.Drawing.Size(160, 160), "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    /// <summary>Outer edge of the ring's stroke inside: the name's glyphs stay within this radius.</summary>
    private const double InnerEdge = 88;

    /// <summary>
    /// The electronic seal: the enterprise name around a star, in red, like a 公章. The name runs clockwise over the top
    /// of the ring and is always whole: the arc grows with the name (180° for a short name, up to 270°, 300° past 40
    /// characters — the name column holds 100), the font shrinks until every character (1 em wide) fits, the glyphs
    /// stand inside the ring, and <c>textLength</c> spreads the characters evenly over the arc as a seal engraver does.
    /// </summary>
    public static string SealSvg(string name, string creditCode)
    {
        var n = Math.Max(name.Length, 1);
        var sweep = (n <= 6 ? 180 : n <= 40 ? Math.Min(270, 120 + (10 * n)) : 300) * Math.PI / 180;
        var spacing = n <= 20 ? 1.15 : 1.02;

        // The glyphs stand on the arc and reach one em outward: radius + size <= InnerEdge, and n glyphs with their
        // spacing fill at most radius × sweep. The largest size that does both, capped for short names.
        var size = Math.Floor(Math.Min(24, InnerEdge * sweep / ((n * spacing) + sweep)) * 10) / 10;
        var radius = InnerEdge - size;
        var arc = radius * sweep;
        // A tenth less than the arc: the path's end points are written to two decimals, so the drawn arc may be a hair shorter.
        var textLength = Math.Floor(Math.Min(arc - 0.1, n * size * 1.25) * 10) / 10;

        static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        var (startX, startY) = (100 - (radius * Math.Sin(sweep / 2)), 100 - (radius * Math.Cos(sweep / 2)));
        var endX = 100 + (radius * Math.Sin(sweep / 2));
        var large = sweep > Math.PI ? 1 : 0;

        var svg = new StringBuilder();
        svg.Append("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" width="160" height="160" role="img" aria-label="电子印章">""");
        svg.Append($"""<defs><path id="seal-arc" d="M {F(startX)} {F(startY)} A {F(radius)} {F(radius)} 0 {large} 1 {F(endX)} {F(startY)}" /></defs>""");
        svg.Append("""<circle cx="100" cy="100" r="92" fill="none" stroke="#c8102e" stroke-width="6"/>""");
        svg.Append($"""<text font-size="{F(size)}" fill="#c8102e" font-weight="700"><textPath href="#seal-arc" startOffset="50%" text-anchor="middle" textLength="{F(textLength)}" lengthAdjust="spacing">{WebUtility.HtmlEncode(name)}</textPath></text>""");
        svg.Append("""<path d="M100 72l8.2 25.2h26.5l-21.4 15.6 8.2 25.2L100 122.4 78.5 138l8.2-25.2-21.4-15.6h26.5z" fill="#c8102e"/>""");
        svg.Append($"""<text x="100" y="154" font-size="9" fill="#c8102e" text-anchor="middle">{WebUtility.HtmlEncode(creditCode)}</text>""");
        svg.Append("</svg>");
        return svg.ToString();
    }
}
