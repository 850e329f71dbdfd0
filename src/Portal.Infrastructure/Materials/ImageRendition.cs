using Portal.Domain.Materials;
using SkiaSharp;

namespace Portal.Infrastructure.Materials;

/// <summary>
/// Decodes an uploaded JPEG or PNG with SkiaSharp (so a file with image magic bytes but no image behind them is refused),
/// and makes the copy the page shows: turned upright by its EXIF orientation (a phone camera stores the picture sideways
/// and says how to turn it), at most <see cref="MaxSide"/> pixels on its long side, without metadata (no GPS position).
/// The original file is kept as uploaded and is what a download returns.
/// </summary>
public static class ImageRendition
{
    public const int MaxSide = 1600;

    public static ImageCheck Prepare(byte[] content, FileKind kind)
    {
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return Refuse("图片已损坏或不是有效的图片，请重新拍照或导出后上传。");
        }

        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > MaterialLimits.MaxImagePixels)
        {
            return Refuse($"图片像素过大（{info.Width}×{info.Height}），请缩小到5000万像素以内后上传。");
        }

        var scale = Math.Min(1f, MaxSide / (float)Math.Max(info.Width, info.Height));
        var decoded = codec.GetScaledDimensions(scale);
        var decodeInfo = new SKImageInfo(decoded.Width, decoded.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(decodeInfo);
        var result = codec.GetPixels(decodeInfo, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            return Refuse(result == SKCodecResult.IncompleteInput
                ? "图片不完整（可能上传时中断），请重新上传。"
                : "图片已损坏，无法显示，请重新拍照或导出后上传。");
        }

        using var sized = Fit(bitmap);
        using var upright = Orient(sized ?? bitmap, codec.EncodedOrigin);
        using var image = SKImage.FromBitmap(upright ?? sized ?? bitmap);
        var png = kind == FileKind.Png;
        using var encoded = image.Encode(png ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg, png ? 100 : 82);
        var swap = IsTransposed(codec.EncodedOrigin);
        return new ImageCheck(null, encoded.ToArray(), png ? FileKind.Png : FileKind.Jpeg, swap ? info.Height : info.Width, swap ? info.Width : info.Height);
    }

    private static ImageCheck Refuse(string reason) => new(reason, null, FileKind.Jpeg, 0, 0);

    /// <summary>Scaled down when the codec's own scaling (JPEG: eighths) left it larger than <see cref="MaxSide"/>; null when it fits.</summary>
    private static SKBitmap? Fit(SKBitmap bitmap)
    {
        var longest = Math.Max(bitmap.Width, bitmap.Height);
        if (longest <= MaxSide)
        {
            return null;
        }

        var factor = MaxSide / (double)longest;
        var target = new SKImageInfo(Math.Max(1, (int)Math.Round(bitmap.Width * factor)), Math.Max(1, (int)Math.Round(bitmap.Height * factor)), bitmap.ColorType, bitmap.AlphaType);
        return bitmap.Resize(target, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
    }

    private static bool IsTransposed(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>The picture as it is meant to be seen (EXIF orientations 1-8); null when it already is.</summary>
    private static SKBitmap? Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return null;
        }

        var transposed = IsTransposed(origin);
        var width = transposed ? source.Height : source.Width;
        var height = transposed ? source.Width : source.Height;
        var target = new SKBitmap(new SKImageInfo(width, height, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(target);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight:
                canvas.Translate(width, 0);
                canvas.Scale(-1, 1);
                break;
            case SKEncodedOrigin.BottomRight:
                canvas.Translate(width, height);
                canvas.RotateDegrees(180);
                break;
            case SKEncodedOrigin.BottomLeft:
                canvas.Translate(0, height);
                canvas.Scale(1, -1);
                break;
            case SKEncodedOrigin.LeftTop:
                canvas.RotateDegrees(90);
                canvas.Scale(1, -1);
                break;
            case SKEncodedOrigin.RightTop:
                canvas.Translate(width, 0);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.RightBottom:
                canvas.Translate(width, height);
                canvas.RotateDegrees(90);
                canvas.Scale(-1, 1);
                break;
            case SKEncodedOrigin.LeftBottom:
                canvas.Translate(0, height);
                canvas.RotateDegrees(270);
                break;
        }

        using var picture = SKImage.FromBitmap(source);
        canvas.DrawImage(picture, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
        canvas.Flush();
        return target;
    }
}
