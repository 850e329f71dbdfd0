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

    /// <summary>The electronic seal: the enterprise name around a star, in red.</summary>
    public static string SealSvg(string name, string creditCode)
    {
        var text = WebUtility.HtmlEncode(name);
        var svg = new StringBuilder();
        svg.Append("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" width="160" height="160" role="img" aria-label="电子印章">""");
        svg.Append("""<defs><path id="seal-arc" d="M 30 100 A 70 70 0 1 1 170 100" /></defs>""");
        svg.Append("""<circle cx="100" cy="100" r="92" fill="none" stroke="#c8102e" stroke-width="6"/>""");
        // The arc holds about 300 units of text: long names get a smaller font so they are never cut off.
        var fontSize = Math.Clamp(300 / Math.Max(name.Length, 1), 10, 22);
        svg.Append($"""<text font-size="{fontSize}" fill="#c8102e" font-weight="700" letter-spacing="2"><textPath href="#seal-arc" startOffset="50%" text-anchor="middle">{text}</textPath></text>""");
        svg.Append("""<path d="M100 72l8.2 25.2h26.5l-21.4 15.6 8.2 25.2L100 122.4 78.5 138l8.2-25.2-21.4-15.6h26.5z" fill="#c8102e"/>""");
        svg.Append($"""<text x="100" y="165" font-size="11" fill="#c8102e" text-anchor="middle">{WebUtility.HtmlEncode(creditCode)}</text>""");
        svg.Append("</svg>");
        return svg.ToString();
    }
}
