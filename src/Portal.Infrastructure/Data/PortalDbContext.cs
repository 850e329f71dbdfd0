using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Deregistration;
using Portal.Domain.Enterprises;
using Portal.Domain.Hall;
using Portal.Domain.Notifications;
using Portal.Domain.Ratings;
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

    public DbSet<SubItem> SubItems => Set<SubItem>();

    public DbSet<Enterprise> Enterprises => Set<Enterprise>();

    public DbSet<EstablishmentApplication> EstablishmentApplications => Set<EstablishmentApplication>();

    public DbSet<NameReservation> NameReservations => Set<NameReservation>();

    public DbSet<EnterprisePermit> Permits => Set<EnterprisePermit>();

    public DbSet<DeregistrationApplication> Deregistrations => Set<DeregistrationApplication>();

    public DbSet<NoticeResponse> NoticeResponses => Set<NoticeResponse>();

    public DbSet<CancellationShare> CancellationShares => Set<CancellationShare>();

    public DbSet<ConnectionApplication> ConnectionApplications => Set<ConnectionApplication>();

    public DbSet<UtilityRequest> UtilityRequests => Set<UtilityRequest>();

    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<Appointment> Appointments => Set<Appointment>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<Rating> Ratings => Set<Rating>();

    public DbSet<RatingFollowUp> RatingFollowUps => Set<RatingFollowUp>();

    public DbSet<RatingAppeal> RatingAppeals => Set<RatingAppeal>();

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
            c.Property(x => x.SubjectCode).HasMaxLength(32);
            c.HasIndex(x => x.SubjectCode);
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
            c.HasIndex(x => new { x.IsOverdue, x.StepWarnAt });
            c.HasIndex(x => new { x.ToleranceSuppliedAt, x.ToleranceDueAt });
            c.HasMany(x => x.History).WithOne(e => e.Case).HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
            c.Navigation(x => x.History).UsePropertyAccessMode(PropertyAccessMode.Property);
            c.HasMany(x => x.SubItems).WithOne(s => s.Case).HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Restrict);
            c.Navigation(x => x.SubItems).UsePropertyAccessMode(PropertyAccessMode.Property);
        });

        builder.Entity<SubItem>(s =>
        {
            s.ToTable("SubItems");
            s.Property(x => x.Code).HasMaxLength(40);
            s.Property(x => x.Label).HasMaxLength(40);
            s.Property(x => x.Department).HasConversion<string>().HasMaxLength(30);
            s.Property(x => x.HolderRole).HasMaxLength(40);
            s.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            s.Property(x => x.Reason).HasMaxLength(1000);
            s.Property(x => x.HandledByName).HasMaxLength(100);
            s.Property(x => x.Version).IsConcurrencyToken();
            s.Ignore(x => x.IsOpen);
            s.HasIndex(x => new { x.HolderRole, x.State });
            s.HasIndex(x => new { x.CaseId, x.Code }).IsUnique();
        });

        builder.Entity<Enterprise>(e =>
        {
            e.ToTable("Enterprises");
            e.Property(x => x.CreditCode).HasMaxLength(18);
            e.HasIndex(x => x.CreditCode).IsUnique();
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.NormalizedName).HasMaxLength(100);
            e.HasIndex(x => x.NormalizedName);
            e.Property(x => x.Type).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.RegisteredCapital).HasPrecision(18, 4);
            e.Property(x => x.Address).HasMaxLength(200);
            e.Property(x => x.BusinessScope).HasMaxLength(2000);
            e.Property(x => x.LegalRepresentative).HasMaxLength(50);
            e.Property(x => x.LegalRepresentativeIdNumber).HasMaxLength(18);
            e.Property(x => x.OwnerId).HasMaxLength(450);
            e.HasIndex(x => x.OwnerId);
            e.HasIndex(x => x.CaseId);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.SealDelivery).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.SealMailAddress).HasMaxLength(200);
            e.Property(x => x.CancellationNote).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.IsActive);
        });

        builder.Entity<EnterprisePermit>(p =>
        {
            p.ToTable("Permits");
            p.Property(x => x.Name).HasMaxLength(100);
            p.Property(x => x.Number).HasMaxLength(50);
            p.Property(x => x.Department).HasConversion<string>().HasMaxLength(30);
            p.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            p.Property(x => x.CancelledByCase).HasMaxLength(32);
            p.HasIndex(x => x.EnterpriseId);
            p.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<DeregistrationApplication>(d =>
        {
            d.ToTable("Deregistrations");
            d.Property(x => x.CaseNumber).HasMaxLength(32);
            d.HasIndex(x => x.CaseId);
            d.HasIndex(x => x.EnterpriseId);
            d.Property(x => x.CreditCode).HasMaxLength(18);
            d.Property(x => x.EnterpriseName).HasMaxLength(100);
            d.Property(x => x.Route).HasConversion<string>().HasMaxLength(20);
            d.Property(x => x.ConfirmedConditions).HasMaxLength(300);
            d.Property(x => x.CommitmentSignedBy).HasMaxLength(50);
            d.Property(x => x.DissolutionReason).HasMaxLength(200);
            d.Property(x => x.LiquidationGroup).HasMaxLength(500);
            d.Property(x => x.LiquidationHead).HasMaxLength(50);
            d.Property(x => x.AuthorityReason).HasMaxLength(1000);
            d.Property(x => x.NoticeText).HasMaxLength(2000);
            d.Property(x => x.TerminationReason).HasMaxLength(1000);
            d.Property(x => x.Version).IsConcurrencyToken();
            d.Ignore(x => x.OpenObjections);
            d.HasIndex(x => x.NoticeEndsAt);
            d.HasMany(x => x.Responses).WithOne(r => r.Application).HasForeignKey(r => r.DeregistrationId).OnDelete(DeleteBehavior.Restrict);
            d.HasMany(x => x.Shares).WithOne(r => r.Application).HasForeignKey(r => r.DeregistrationId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<NoticeResponse>(r =>
        {
            r.ToTable("NoticeResponses");
            r.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            r.Property(x => x.Name).HasMaxLength(50);
            r.Property(x => x.Contact).HasMaxLength(60);
            r.Property(x => x.Content).HasMaxLength(1000);
            r.Property(x => x.Amount).HasPrecision(18, 2);
            r.Property(x => x.SubmissionKey).HasMaxLength(64);
            r.HasIndex(x => x.SubmissionKey).IsUnique();
            r.Property(x => x.Decision).HasConversion<string>().HasMaxLength(20);
            r.Property(x => x.DecisionReason).HasMaxLength(1000);
            r.Property(x => x.DecidedByName).HasMaxLength(100);
            r.HasIndex(x => x.DeregistrationId);
        });

        builder.Entity<ConnectionApplication>(a =>
        {
            a.ToTable("ConnectionApplications");
            a.Property(x => x.CaseNumber).HasMaxLength(32);
            a.HasIndex(x => x.CaseId);
            a.Property(x => x.ApplicantId).HasMaxLength(450);
            a.HasIndex(x => x.ApplicantId);
            a.Property(x => x.Customer).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.EnterpriseName).HasMaxLength(100);
            a.Property(x => x.CreditCode).HasMaxLength(18);
            a.Property(x => x.Address).HasMaxLength(200);
            a.Property(x => x.Purpose).HasMaxLength(200);
            a.Property(x => x.SurveyScheduledBy).HasMaxLength(100);
            a.Property(x => x.Version).IsConcurrencyToken();
            a.Ignore(x => x.Joint);
            a.HasMany(x => x.Requests).WithOne(r => r.Application).HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<UtilityRequest>(r =>
        {
            r.ToTable("UtilityRequests");
            r.Property(x => x.Utility).HasConversion<string>().HasMaxLength(20);
            r.Property(x => x.CaseNumber).HasMaxLength(32);
            r.HasIndex(x => x.CaseId);
            r.HasIndex(x => new { x.Utility, x.UpdatedAt });
            r.OwnsOne(x => x.Data, d =>
            {
                d.Property(x => x.CapacityKw).HasPrecision(18, 2);
                d.Property(x => x.Voltage).HasConversion<string>().HasMaxLength(20);
                d.Property(x => x.LineLengthM).HasPrecision(18, 2);
                d.Property(x => x.PipeLengthM).HasPrecision(18, 2);
                d.Property(x => x.GasCubicMetresPerMonth).HasPrecision(18, 2);
                d.Property(x => x.HeatAreaM2).HasPrecision(18, 2);
            });
            r.Property(x => x.Path).HasMaxLength(40);
            r.Property(x => x.PathLabel).HasMaxLength(100);
            r.Property(x => x.Rule).HasMaxLength(300);
            r.Property(x => x.Source).HasMaxLength(60);
            r.Property(x => x.LimitKey).HasMaxLength(60);
            r.Property(x => x.ApprovalLimitKey).HasMaxLength(60);
            r.Property(x => x.Notes).HasMaxLength(2000);
            r.Property(x => x.SurveyFindings).HasMaxLength(2000);
            r.Property(x => x.DesignBudget).HasPrecision(18, 2);
            r.Property(x => x.WorksFee).HasPrecision(18, 2);
            r.Property(x => x.ContractNumber).HasMaxLength(40);
            r.Property(x => x.UtilitySignedBy).HasMaxLength(100);
            r.Property(x => x.ApplicantSignedBy).HasMaxLength(100);
            r.Property(x => x.Version).IsConcurrencyToken();
        });

        builder.Entity<Ticket>(t =>
        {
            t.ToTable("Tickets");
            t.Property(x => x.Category).HasMaxLength(30);
            t.Property(x => x.Number).HasMaxLength(10);
            t.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            t.Property(x => x.Reason).HasConversion<string>().HasMaxLength(20);
            t.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            t.Property(x => x.WindowNumber).HasMaxLength(10);
            t.Property(x => x.TransferredTo).HasMaxLength(10);
            t.Property(x => x.CalledByName).HasMaxLength(100);
            t.Property(x => x.CalledById).HasMaxLength(450);
            t.Property(x => x.CaseNumber).HasMaxLength(32);
            t.Property(x => x.AccessCode).HasMaxLength(40);
            t.HasIndex(x => x.AccessCode).IsUnique();
            t.HasIndex(x => new { x.LocalDate, x.Category, x.Sequence }).IsUnique();
            t.HasIndex(x => new { x.LocalDate, x.State });
            t.Property(x => x.Version).IsConcurrencyToken();
            t.Ignore(x => x.KindLabel);
            t.HasIndex(x => x.CaseNumber);
        });

        builder.Entity<Appointment>(a =>
        {
            a.ToTable("Appointments");
            a.Property(x => x.UserId).HasMaxLength(450);
            a.Property(x => x.UserName).HasMaxLength(100);
            a.Property(x => x.Category).HasMaxLength(30);
            a.Property(x => x.SlotLabel).HasMaxLength(40);
            a.Property(x => x.ActiveKey).HasMaxLength(500);
            a.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.Code).HasMaxLength(20);
            a.Property(x => x.Version).IsConcurrencyToken();
            a.Ignore(x => x.StateLabel);
            // Capacity: one row per taken seat of a slot (a cancelled booking's seat is null and frees it).
            a.HasIndex(x => new { x.Category, x.LocalDate, x.SlotKey, x.Seat }).IsUnique();
            a.HasIndex(x => x.ActiveKey).IsUnique();
            a.HasIndex(x => x.Code).IsUnique();
            a.HasIndex(x => new { x.UserId, x.LocalDate });
        });

        builder.Entity<Rating>(r =>
        {
            r.ToTable("Ratings");
            r.Property(x => x.SubjectKey).HasMaxLength(80);
            r.HasIndex(x => x.SubjectKey).IsUnique();
            r.Property(x => x.Subject).HasConversion<string>().HasMaxLength(20);
            r.Property(x => x.CaseNumber).HasMaxLength(32);
            r.Property(x => x.ServiceCode).HasMaxLength(40);
            r.Property(x => x.Unit).HasMaxLength(30);
            r.Property(x => x.WindowNumber).HasMaxLength(10);
            r.Property(x => x.StaffId).HasMaxLength(450);
            r.Property(x => x.StaffName).HasMaxLength(100);
            r.Property(x => x.Level).HasConversion<int>();
            r.Property(x => x.Scores).HasMaxLength(200);
            r.Property(x => x.Comment).HasMaxLength(RatingScale.MaxComment);
            r.Property(x => x.RaterId).HasMaxLength(450);
            r.Property(x => x.RaterName).HasMaxLength(50);
            r.Property(x => x.RaterPhone).HasMaxLength(20);
            r.Property(x => x.AccessCode).HasMaxLength(40);
            r.HasIndex(x => x.AccessCode).IsUnique();
            r.HasIndex(x => x.CreatedAt);
            r.HasIndex(x => x.CaseNumber);
            r.HasIndex(x => new { x.StaffId, x.CreatedAt });
            r.Ignore(x => x.IsBad);
        });

        builder.Entity<RatingFollowUp>(f =>
        {
            f.ToTable("RatingFollowUps");
            f.HasOne(x => x.Rating).WithMany().HasForeignKey(x => x.RatingId).OnDelete(DeleteBehavior.Restrict);
            f.HasIndex(x => x.RatingId).IsUnique();
            f.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            f.Property(x => x.Unit).HasMaxLength(30);
            f.Property(x => x.LimitText).HasMaxLength(40);
            f.Property(x => x.VisitNotes).HasMaxLength(1000);
            f.Property(x => x.Finding).HasConversion<string>().HasMaxLength(20);
            f.Property(x => x.FindingNotes).HasMaxLength(1000);
            f.Property(x => x.Result).HasMaxLength(2000);
            f.Property(x => x.RaterSatisfaction).HasConversion<string>().HasMaxLength(20);
            f.Property(x => x.RaterRemark).HasMaxLength(500);
            f.Property(x => x.ReviewReason).HasMaxLength(500);
            f.Property(x => x.HandledByName).HasMaxLength(100);
            f.Property(x => x.Version).IsConcurrencyToken();
            f.Ignore(x => x.IsOpen);
            f.Ignore(x => x.AwaitsResult);
            f.HasIndex(x => new { x.State, x.DueAt });
            f.HasIndex(x => x.ResultAt);
        });

        builder.Entity<RatingAppeal>(a =>
        {
            a.ToTable("RatingAppeals");
            a.HasOne(x => x.Rating).WithMany().HasForeignKey(x => x.RatingId).OnDelete(DeleteBehavior.Restrict);
            a.HasIndex(x => x.RatingId).IsUnique();
            a.Property(x => x.FiledById).HasMaxLength(450);
            a.Property(x => x.FiledByName).HasMaxLength(100);
            a.Property(x => x.Reason).HasMaxLength(1000);
            a.Property(x => x.DecidedById).HasMaxLength(450);
            a.Property(x => x.DecidedByName).HasMaxLength(100);
            a.Property(x => x.Decision).HasMaxLength(1000);
            a.Property(x => x.Version).IsConcurrencyToken();
        });

        builder.Entity<Notification>(n =>
        {
            n.ToTable("Notifications");
            n.Property(x => x.RecipientId).HasMaxLength(450);
            n.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            n.Property(x => x.CaseNumber).HasMaxLength(32);
            n.Property(x => x.Title).HasMaxLength(200);
            n.Property(x => x.Body).HasMaxLength(1000);
            n.Property(x => x.Link).HasMaxLength(200);
            n.Property(x => x.DedupeKey).HasMaxLength(200);
            n.Property(x => x.Delivery).HasConversion<string>().HasMaxLength(20);
            n.Property(x => x.ClaimToken).HasMaxLength(40);
            n.Property(x => x.LastError).HasMaxLength(500);
            n.HasIndex(x => x.DedupeKey).IsUnique();
            n.HasIndex(x => new { x.RecipientId, x.CreatedAt });
            n.HasIndex(x => new { x.Delivery, x.Id });
        });

        builder.Entity<CancellationShare>(s =>
        {
            s.ToTable("CancellationShares");
            s.Property(x => x.Department).HasConversion<string>().HasMaxLength(30);
            s.Property(x => x.ConfirmedByName).HasMaxLength(100);
            s.Property(x => x.Version).IsConcurrencyToken();
            s.Ignore(x => x.Confirmed);
            s.HasIndex(x => new { x.DeregistrationId, x.Department }).IsUnique();
            s.HasIndex(x => new { x.Department, x.ConfirmedAt });
        });

        builder.Entity<NameReservation>(n =>
        {
            n.ToTable("NameReservations");
            n.HasKey(x => x.NormalizedName);
            n.Property(x => x.NormalizedName).HasMaxLength(100);
            n.Property(x => x.Name).HasMaxLength(100);
        });

        builder.Entity<EstablishmentApplication>(a =>
        {
            a.ToTable("EstablishmentApplications");
            a.Property(x => x.ApplicantId).HasMaxLength(450);
            a.Property(x => x.FiledById).HasMaxLength(450);
            a.HasIndex(x => new { x.ApplicantId, x.Status });
            a.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.ProposedName).HasMaxLength(100);
            a.Property(x => x.NormalizedName).HasMaxLength(100);
            a.HasIndex(x => new { x.NormalizedName, x.Status });
            a.HasIndex(x => x.CaseId);
            a.Property(x => x.Type).HasConversion<string>().HasMaxLength(30);
            a.Property(x => x.RegisteredCapital).HasPrecision(18, 4);
            a.Property(x => x.Address).HasMaxLength(200);
            a.Property(x => x.ScopeCodes).HasMaxLength(500);
            a.Property(x => x.OtherScope).HasMaxLength(1000);
            a.Property(x => x.LegalRepresentative).HasMaxLength(50);
            a.Property(x => x.LegalRepresentativeIdNumber).HasMaxLength(18);
            a.Property(x => x.ContactName).HasMaxLength(50);
            a.Property(x => x.ContactPhone).HasMaxLength(20);
            a.Property(x => x.SealDelivery).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.SealMailAddress).HasMaxLength(200);
            a.Property(x => x.SynchronousItems).HasMaxLength(300);
            a.Property(x => x.Version).IsConcurrencyToken();
            a.Ignore(x => x.ScopeCodeList);
            a.Ignore(x => x.SynchronousItemList);
            a.OwnsMany(x => x.Investors, i =>
            {
                i.ToTable("Investors");
                i.WithOwner().HasForeignKey("ApplicationId");
                i.HasKey(x => x.Id);
                i.Property(x => x.Name).HasMaxLength(100);
                i.Property(x => x.IdentityNumber).HasMaxLength(18);
                i.Property(x => x.SharePercent).HasPrecision(9, 4);
            });
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
            e.HasIndex(x => x.At);
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
                case SubItem s:
                    s.BumpVersion();
                    break;
                case Enterprise e:
                    e.BumpVersion();
                    break;
                case EstablishmentApplication a:
                    a.Version++;
                    break;
                case DeregistrationApplication d:
                    d.BumpVersion();
                    break;
                case CancellationShare share:
                    share.BumpVersion();
                    break;
                case ConnectionApplication application:
                    application.BumpVersion();
                    break;
                case UtilityRequest request:
                    request.BumpVersion();
                    break;
                case Ticket ticket:
                    ticket.BumpVersion();
                    break;
                case Appointment appointment:
                    appointment.BumpVersion();
                    break;
                case RatingFollowUp followUp:
                    followUp.BumpVersion();
                    break;
                case RatingAppeal appeal:
                    appeal.BumpVersion();
                    break;
            }
        }
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
