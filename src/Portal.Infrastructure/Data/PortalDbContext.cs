using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Deregistration;
using Portal.Domain.Enterprises;
using Portal.Domain.Hall;
using Portal.Domain.Materials;
using Portal.Domain.Notifications;
using Portal.Domain.Ratings;
using Portal.Infrastructure.Cases;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Materials;
using Portal.Infrastructure.Security;

namespace Portal.Infrastructure.Data;

/// <summary>
/// The one EF Core model, the same on every provider. Each provider has its own subclass
/// (<see cref="SqlitePortalDbContext"/>, <see cref="PostgreSqlPortalDbContext"/>, <see cref="SqlServerPortalDbContext"/>)
/// only so that it has its own migration set and model snapshot in <c>Migrations/&lt;Provider&gt;/</c>; the portal asks
/// for <see cref="PortalDbContext"/> and gets the configured provider's (docs/decisions/0010-migrations.md).
/// </summary>
public abstract class PortalDbContext(DbContextOptions options) : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    /// <summary>
    /// The revision stamps this context has read or written (<see cref="Revisions"/>): a context lives for one request or
    /// one background pass, and within it the calendar and the promise table are read at one revision — one query each,
    /// not one per use (a case page asked four times).
    /// </summary>
    internal Dictionary<string, string?> RevisionsSeen { get; } = [];

    /// <summary>The data-protection key ring, shared by every portal host on this database (sign-in cookies, anti-forgery tokens).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();

    public DbSet<SubItem> SubItems => Set<SubItem>();

    /// <summary>The work queue (待办 projection), derived in every save by <see cref="WorkQueue"/>; never written by hand.</summary>
    public DbSet<WorkItem> WorkItems => Set<WorkItem>();

    public DbSet<Enterprise> Enterprises => Set<Enterprise>();

    public DbSet<EstablishmentApplication> EstablishmentApplications => Set<EstablishmentApplication>();

    public DbSet<NameReservation> NameReservations => Set<NameReservation>();

    public DbSet<EnterprisePermit> Permits => Set<EnterprisePermit>();

    /// <summary>经办人授权: who may act for which enterprise in which services (docs/decisions/0016-identity-levels.md).</summary>
    public DbSet<EnterpriseAgent> EnterpriseAgents => Set<EnterpriseAgent>();

    /// <summary>Identity verifications, identity-provider links and agent authorisations, append-only.</summary>
    public DbSet<IdentityEvent> IdentityEvents => Set<IdentityEvent>();

    public DbSet<DeregistrationApplication> Deregistrations => Set<DeregistrationApplication>();

    public DbSet<NoticeResponse> NoticeResponses => Set<NoticeResponse>();

    public DbSet<CancellationShare> CancellationShares => Set<CancellationShare>();

    public DbSet<ConnectionApplication> ConnectionApplications => Set<ConnectionApplication>();

    public DbSet<UtilityRequest> UtilityRequests => Set<UtilityRequest>();

    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<Appointment> Appointments => Set<Appointment>();

    public DbSet<Notification> Notifications => Set<Notification>();

    /// <summary>Which member read which role message (docs/decisions/0021-role-inbox.md).</summary>
    public DbSet<NotificationRead> NotificationReads => Set<NotificationRead>();

    public DbSet<Rating> Ratings => Set<Rating>();

    public DbSet<RatingFollowUp> RatingFollowUps => Set<RatingFollowUp>();

    public DbSet<RatingAppeal> RatingAppeals => Set<RatingAppeal>();

    public DbSet<PortalSetting> Settings => Set<PortalSetting>();

    public DbSet<PromiseLimit> PromiseLimits => Set<PromiseLimit>();

    public DbSet<CalendarDayEntry> CalendarDays => Set<CalendarDayEntry>();

    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();

    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();

    /// <summary>Server-side sign-in sessions (the cookie carries only a key).</summary>
    public DbSet<PortalSession> Sessions => Set<PortalSession>();

    /// <summary>The security audit log: entries are added, never changed or removed through the change tracker.</summary>
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();

    /// <summary>Each case's material list items (材料清单) with their review.</summary>
    public DbSet<CaseMaterial> CaseMaterials => Set<CaseMaterial>();

    /// <summary>Uploaded files' metadata; the content is in the file store, addressed by hash.</summary>
    public DbSet<MaterialFile> MaterialFiles => Set<MaterialFile>();

    /// <summary>File contents when the store is the database (PostgreSQL, SQL Server).</summary>
    public DbSet<FileBlob> FileBlobs => Set<FileBlob>();

    /// <summary>
    /// True while a save runs whose changes were detected once at its start (<see cref="SaveChangesAsync(bool, CancellationToken)"/>):
    /// the save interceptors read the change tracker as it is instead of scanning every tracked entity again.
    /// </summary>
    public bool ChangesDetectedForSave { get; private set; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var detectOnce = DetectOnce();
        try
        {
            WorkQueue.MaintainAsync(this, CancellationToken.None).GetAwaiter().GetResult();
            BumpVersions();
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            EndDetectOnce(detectOnce);
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var detectOnce = DetectOnce();
        try
        {
            await WorkQueue.MaintainAsync(this, cancellationToken);
            BumpVersions();
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            EndDetectOnce(detectOnce);
        }
    }

    /// <summary>
    /// One scan of the tracked entities per save. Each <c>ChangeTracker.Entries()</c> scans them all again while automatic
    /// detection is on, and a save used to do it five times (the version bump, the notification interceptor twice, the
    /// ratings interceptor, EF itself): on a 企业开办 submission with its case, eight tracks, history and application that
    /// was a measurable share of the CPU (docs/performance.md). What changes after the scan is detected where it happens
    /// (<see cref="BumpVersions"/>; a work-queue row the save changes detects its own, in <see cref="WorkQueue"/>); interceptors
    /// only add entities, which needs no detection.
    /// </summary>
    /// <returns>Whether this save turned automatic detection off (a caller that turned it off itself, as the load seeder does, keeps it so).</returns>
    private bool DetectOnce()
    {
        if (!ChangeTracker.AutoDetectChangesEnabled)
        {
            return false;
        }

        ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        ChangesDetectedForSave = true;
        return true;
    }

    private void EndDetectOnce(bool detectedOnce)
    {
        if (detectedOnce)
        {
            ChangesDetectedForSave = false;
            ChangeTracker.AutoDetectChangesEnabled = true;
        }
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

        // One IEntityTypeConfiguration class per aggregate, in Data/Configuration.
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is SecurityEvent && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                // The audit log is append-only: no code path of the portal may change or remove an entry (only the
                // retention job removes old entries, with a bulk delete that is bounded by their age).
                throw new InvalidOperationException("安全审计日志只能追加，不能修改或删除。");
            }

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
                case CaseMaterial material:
                    material.BumpVersion();
                    break;
                default:
                    continue;
            }

            // The scan at the start of the save has passed this entity: the new version is detected here, on its own.
            if (ChangesDetectedForSave)
            {
                entry.DetectChanges();
            }
        }
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
