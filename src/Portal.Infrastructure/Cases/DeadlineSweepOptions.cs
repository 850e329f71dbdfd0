namespace Portal.Infrastructure.Cases;

public sealed class DeadlineSweepOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    public int BatchSize { get; set; } = 500;

    public bool Enabled { get; set; } = true;
}
