namespace Portal.Infrastructure.Materials;

/// <summary>A stored file that cannot be served: missing, or its content no longer matches its hash.</summary>
public sealed class StoredFileException(string hash, bool damaged)
    : Exception(damaged ? "文件校验失败：存储的内容与登记的校验值不一致，已拒绝读取。请联系窗口重新上传。" : "文件不存在或已被清理。")
{
    public string Hash { get; } = hash;

    public bool Damaged { get; } = damaged;
}
