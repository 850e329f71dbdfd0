using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Domain.Cases;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Data;

/// <summary>
/// The one EF Core model. Provider-neutral: the same model runs on SQLite (default) and PostgreSQL; the schema is
/// created by the hand-written migrations in <c>Migrations/</c> and a test proves they equal this model.
/// </summary>
public class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<PortalUser>(options)
{
    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();

    public DbSet<PortalSetting> Settings => Set<PortalSetting>();

    public DbSet<PromiseLimit> PromiseLimits => Set<PromiseLimit>();

    public DbSet<CalendarDayEntry> CalendarDays => Set<CalendarDayEntry>();

    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();

    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is stored as UTC and read back as UTC (PostgreSQL timestamptz requires it).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<PortalUser>(u =>
        {
            u.Property(x => x.FullName).HasMaxLength(50);
            u.Property(x => x.IdNumber).HasMaxLength(18);
            u.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            u.Property(x => x.EnterpriseName).HasMaxLength(100);
            u.Property(x => x.WindowNumber).HasMaxLength(10);
            u.HasIndex(x => x.IdNumber);
        });

        builder.Entity<Case>(c =>
        {
            c.ToTable("Cases");
            c.Property(x => x.Number).HasMaxLength(32);
            c.HasIndex(x => x.Number).IsUnique();
            c.Property(x => x.ServiceCode).HasMaxLength(40);
            c.Property(x => x.Title).HasMaxLength(200);
            c.Property(x => x.ApplicantId).HasMaxLength(450);
            c.Property(x => x.ApplicantName).HasMaxLength(100);
            c.Property(x => x.FiledById).HasMaxLength(450);
            c.Property(x => x.FiledByName).HasMaxLength(100);
            c.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.State).HasConversion<string>().HasMaxLength(30);
            c.Property(x => x.PausedState).HasConversion<string>().HasMaxLength(30);
            c.Property(x => x.HolderRole).HasMaxLength(40);
            c.Property(x => x.OwnerId).HasMaxLength(450);
            c.Property(x => x.OwnerName).HasMaxLength(100);
            c.Property(x => x.StepLimitText).HasMaxLength(40);
            c.Property(x => x.SupplementItems).HasMaxLength(2000);
            c.Property(x => x.ToleranceItem).HasMaxLength(500);
            c.Property(x => x.RejectionReason).HasMaxLength(1000);
            c.Property(x => x.Version).IsConcurrencyToken();
            c.Ignore(x => x.FiledOnBehalf);
            c.HasIndex(x => x.ApplicantId);
            c.HasIndex(x => new { x.HolderRole, x.StepDueAt });
            c.HasIndex(x => new { x.IsOverdue, x.StepDueAt });
            c.HasMany(x => x.History).WithOne(e => e.Case).HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
            c.Navigation(x => x.History).UsePropertyAccessMode(PropertyAccessMode.Property);
        });

        builder.Entity<CaseEvent>(e =>
        {
            e.ToTable("CaseEvents");
            e.Property(x => x.Action).HasMaxLength(40);
            e.Property(x => x.ActionLabel).HasMaxLength(100);
            e.Property(x => x.FromState).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.ToState).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.ActorId).HasMaxLength(450);
            e.Property(x => x.ActorName).HasMaxLength(100);
            e.Property(x => x.ActorRole).HasMaxLength(50);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.HolderRole).HasMaxLength(40);
            e.Property(x => x.LimitText).HasMaxLength(40);
            e.HasIndex(x => new { x.CaseId, x.At });
        });

        builder.Entity<PortalSetting>(s =>
        {
            s.ToTable("Settings");
            s.HasKey(x => x.Key);
            s.Property(x => x.Key).HasMaxLength(100);
            s.Property(x => x.Value).HasMaxLength(1000);
        });

        builder.Entity<PromiseLimit>(p =>
        {
            p.ToTable("PromiseLimits");
            p.Property(x => x.ProfileCode).HasMaxLength(40);
            p.Property(x => x.Key).HasMaxLength(80);
            p.Property(x => x.Service).HasMaxLength(40);
            p.Property(x => x.Step).HasMaxLength(100);
            p.Property(x => x.Unit).HasConversion<string>().HasMaxLength(20);
            p.Property(x => x.Source).HasMaxLength(80);
            p.Property(x => x.Note).HasMaxLength(200);
            p.Property(x => x.UpdatedBy).HasMaxLength(100);
            p.Property(x => x.Version).IsConcurrencyToken();
            p.Ignore(x => x.Limit);
            p.HasIndex(x => new { x.ProfileCode, x.Key }).IsUnique();
        });

        builder.Entity<CalendarDayEntry>(d =>
        {
            d.ToTable("CalendarDays");
            d.HasKey(x => x.Date);
            d.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            d.Property(x => x.Name).HasMaxLength(40);
        });

        builder.Entity<CalendarYear>(y =>
        {
            y.ToTable("CalendarYears");
            y.HasKey(x => x.Year);
            y.Property(x => x.Year).ValueGeneratedNever();
            y.Property(x => x.Source).HasMaxLength(200);
        });

        builder.Entity<NumberSequence>(n =>
        {
            n.ToTable("NumberSequences");
            n.HasKey(x => x.Key);
            n.Property(x => x.Key).HasMaxLength(40);
        });
    }

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Modified)
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Case c:
                    c.BumpVersion();
                    break;
                case PromiseLimit p:
                    p.Version++;
                    break;
            }
        }
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
