using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Infrastructure.Data.Configuration;

/// <summary>The mapping of a counter for case, credit-code and ticket numbers.</summary>
internal sealed class NumberSequenceConfiguration : IEntityTypeConfiguration<NumberSequence>
{
    public void Configure(EntityTypeBuilder<NumberSequence> n)
    {
        n.ToTable("NumberSequences");
        n.HasKey(x => x.Key);
        n.Property(x => x.Key).HasMaxLength(40);
    }
}
