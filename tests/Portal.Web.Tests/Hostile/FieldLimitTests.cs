using System.Collections;
using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Deregistration;
using Portal.Domain.Enterprises;
using Portal.Domain.Hall;
using Portal.Domain.Identity;
using Portal.Domain.Ratings;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Common;
using Portal.Web.Features.Account;
using Portal.Web.Features.Calendar;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Deregistration;
using Portal.Web.Features.Hall;
using Portal.Web.Features.Notices;
using Portal.Web.Features.Ratings;
using Portal.Web.Features.Workbench;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;
using Conn = Portal.Web.Features.Connections;
using Est = Portal.Web.Features.Establishment;

namespace Portal.Web.Tests.Hostile;

/// <summary>
/// Every text field has a length limit that matches its column, on drafts too (issue 16 part 5). The limits cannot
/// drift from the database: each stored field's validator refuses one character more than its column (read from the
/// EF model), every text field of every request — found by reflection, so a new one is covered — is refused beyond
/// <see cref="InputText.HardLimit"/>, and every text field of every command must be listed here as stored (with its
/// column) or as not stored, so a new field fails until someone says where it goes.
/// </summary>
public sealed class FieldLimitTests(SqlitePortal factory) : IClassFixture<SqlitePortal>
{
    /// <summary>A command's field and the column it is stored in; Reserve: characters the handler adds (a prefix).</summary>
    public sealed record Stored(Type Request, string Field, Type Entity, string Column, int Reserve = 0, Action<object>? Arrange = null)
    {
        public override string ToString() => $"{Request.DeclaringType?.Name}.{Request.Name}.{Field} → {Entity.Name}.{Column}";
    }

    public static readonly Stored[] StoredFields =
    [
        new(typeof(Register.Command), "FullName", typeof(PortalUser), nameof(PortalUser.FullName)),
        new(typeof(Register.Command), "EnterpriseName", typeof(PortalUser), nameof(PortalUser.EnterpriseName), Arrange: r => Set(r, "Kind", UserKind.Enterprise)),
        new(typeof(Register.Command), "IdNumber", typeof(PortalUser), nameof(PortalUser.IdNumber)),
        new(typeof(SaveDay.Command), "Name", typeof(CalendarDayEntry), nameof(CalendarDayEntry.Name)),
        new(typeof(MarkYear.Command), "Source", typeof(CalendarYear), nameof(CalendarYear.Source)),
        new(typeof(SaveYear.Command), "Source", typeof(CalendarYear), nameof(CalendarYear.Source)),
        new(typeof(Act.Command), "Reason", typeof(CaseEvent), nameof(CaseEvent.Reason)),
        new(typeof(Conn.SignContract.Command), "Capacity", typeof(UtilityRequest), nameof(UtilityRequest.ContractCapacity)),
        new(typeof(Conn.SignContract.Command), "Price", typeof(UtilityRequest), nameof(UtilityRequest.ContractPrice)),
        new(typeof(Conn.SignContract.Command), "UtilityDuties", typeof(UtilityRequest), nameof(UtilityRequest.ContractUtilityDuties)),
        new(typeof(Conn.SignContract.Command), "CustomerDuties", typeof(UtilityRequest), nameof(UtilityRequest.ContractCustomerDuties)),
        new(typeof(Conn.WithdrawApplication.Command), "Reason", typeof(CaseEvent), nameof(CaseEvent.Reason)),
        new(typeof(Portal.Web.Features.Materials.Upload.Command), "Explanation", typeof(Portal.Domain.Materials.CaseMaterial), nameof(Portal.Domain.Materials.CaseMaterial.Explanation), Arrange: r => Set(r, "ItemCode", "lease")),
        new(typeof(Portal.Web.Features.Materials.Review.Command), "Reason", typeof(Portal.Domain.Materials.CaseMaterial), nameof(Portal.Domain.Materials.CaseMaterial.ReviewReason)),
        new(typeof(Act.Command), "Reason", typeof(Case), nameof(Case.RejectionReason), Arrange: r => Set(r, "Trigger", CaseTrigger.ProposeRejection)),
        new(typeof(Act.Command), "Reason", typeof(Case), nameof(Case.ToleranceItem), Arrange: r => Set(r, "Trigger", CaseTrigger.AcceptWithMissing)),
        new(typeof(Act.Command), "Reason", typeof(Case), nameof(Case.SupplementItems), Arrange: r => Set(r, "Trigger", CaseTrigger.RequestSupplement)),
        new(typeof(SubItemAct.Command), "Reason", typeof(SubItem), nameof(SubItem.Reason), Arrange: r => Set(r, "Trigger", SubItemTrigger.Return)),
        new(typeof(HandOver.Command), "Reason", typeof(CaseEvent), nameof(CaseEvent.Reason)),
        new(typeof(SupplyTolerance.Command), "Note", typeof(CaseEvent), nameof(CaseEvent.Reason)),
        new(typeof(DecideObjection.Command), "Reason", typeof(NoticeResponse), nameof(NoticeResponse.DecisionReason)),
        new(typeof(Start.Command), "SignedName", typeof(DeregistrationApplication), nameof(DeregistrationApplication.CommitmentSignedBy)),
        new(typeof(Start.Command), "DissolutionReason", typeof(DeregistrationApplication), nameof(DeregistrationApplication.DissolutionReason), Arrange: Ordinary),
        new(typeof(Start.Command), "LiquidationHead", typeof(DeregistrationApplication), nameof(DeregistrationApplication.LiquidationHead), Arrange: Ordinary),
        new(typeof(Start.Command), "LiquidationGroup", typeof(DeregistrationApplication), nameof(DeregistrationApplication.LiquidationGroup), Arrange: Ordinary),
        new(typeof(ByAuthority.Command), "Reason", typeof(DeregistrationApplication), nameof(DeregistrationApplication.AuthorityReason), Reserve: "代位注销：".Length),
        new(typeof(FileResponse.Command), "Name", typeof(NoticeResponse), nameof(NoticeResponse.Name)),
        new(typeof(FileResponse.Command), "Contact", typeof(NoticeResponse), nameof(NoticeResponse.Contact)),
        new(typeof(FileResponse.Command), "Content", typeof(NoticeResponse), nameof(NoticeResponse.Content)),
        new(typeof(FileResponse.Command), "SubmissionKey", typeof(NoticeResponse), nameof(NoticeResponse.SubmissionKey)),
        new(typeof(WindowAct.Command), "TransferTo", typeof(Ticket), nameof(Ticket.TransferredTo)),
        new(typeof(Conn.Submit.Command), "EnterpriseName", typeof(ConnectionApplication), nameof(ConnectionApplication.EnterpriseName)),
        new(typeof(Conn.Submit.Command), "CreditCode", typeof(ConnectionApplication), nameof(ConnectionApplication.CreditCode)),
        new(typeof(Conn.Submit.Command), "Address", typeof(ConnectionApplication), nameof(ConnectionApplication.Address)),
        new(typeof(Conn.Submit.Command), "Purpose", typeof(ConnectionApplication), nameof(ConnectionApplication.Purpose)),
        .. EstablishmentFields(typeof(Est.Submit.Command), ""),
        .. EstablishmentFields(typeof(Est.SaveDraft.Command), "Form."),
        new(typeof(GiveCaseRating.Command), "Comment", typeof(Rating), nameof(Rating.Comment)),
        new(typeof(GiveVisitRating.Command), "Comment", typeof(Rating), nameof(Rating.Comment)),
        new(typeof(GiveVisitRating.Command), "Name", typeof(Rating), nameof(Rating.RaterName)),
        new(typeof(GiveVisitRating.Command), "Phone", typeof(Rating), nameof(Rating.RaterPhone)),
        new(typeof(RespondToFollowUp.Command), "Remark", typeof(RatingFollowUp), nameof(RatingFollowUp.RaterRemark)),
        new(typeof(RespondToFollowUp.Command), "Remark", typeof(RatingFollowUp), nameof(RatingFollowUp.ReviewReason)),
        new(typeof(ActOnFollowUp.Command), "Text", typeof(RatingFollowUp), nameof(RatingFollowUp.VisitNotes)),
        new(typeof(ActOnFollowUp.Command), "Text", typeof(RatingFollowUp), nameof(RatingFollowUp.FindingNotes)),
        new(typeof(FileAppeal.Command), "Reason", typeof(RatingAppeal), nameof(RatingAppeal.Reason)),
        new(typeof(DecideAppeal.Command), "Reason", typeof(RatingAppeal), nameof(RatingAppeal.Decision)),
    ];

    /// <summary>Text fields of commands that are not stored as typed: keys looked up, codes checked against a list, passwords.</summary>
    public static readonly HashSet<string> NotStored =
    [
        "SignIn.Command.UserName", "SignIn.Command.Password", "Register.Command.Mobile", "Register.Command.Password", "Register.Command.ConfirmPassword",
        "BookAppointment.Command.Category", "ChangeAppointment.Command.Code", "CancelAppointment.Command.Code", "CheckInAppointment.Command.Code",
        "SaveYear.Command.Days", "Act.Command.Number", "SubItemAct.Command.Number", "HandOver.Command.Number", "HandOver.Command.ToUserId",
        "SupplyTolerance.Command.Number", "DecideObjection.Command.Number", "ConfirmShare.Command.Number", "Start.Command.CreditCode",
        "Start.Command.Conditions", "ByAuthority.Command.CreditCode", "StartLater.Command.CreditCode", "StartLater.Command.Item",
        "ScheduleSurvey.Command.Number", "SetDesignBudget.Command.Number", "Submit.Command.ApplicantMobile", "Submit.Command.ScopeCodes",
        "Submit.Command.SynchronousItems", "SaveDraft.Command.Form.ApplicantMobile", "SaveDraft.Command.Form.ScopeCodes",
        "SaveDraft.Command.Form.SynchronousItems", "TakeTicket.Command.Category", "OpenVisitCase.Command.CaseNumber",
        "FileResponse.Command.Number", "FileResponse.Command.Client", "SwitchProfile.Command.Profile", "GiveCaseRating.Command.Number",
        "GiveCaseRating.Command.Name", "GiveCaseRating.Command.Phone", "GiveCaseRating.Command.DuplicateGuard", "GiveVisitRating.Command.Code",
        "GiveVisitRating.Command.DuplicateGuard", "RespondToFollowUp.Command.Code",

        // 统一身份认证: what the provider's signed id_token says, not typed into a form. The subject identifier is a login key
        // kept as given; name, ID number and phone are checked by the handler itself (a name of 1-50 characters, a valid ID
        // number), which answers a refusal result rather than a validation error; the account id is the signed-in person's.
        "ExternalIdentity.Command.ProviderKey", "ExternalIdentity.Command.Name", "ExternalIdentity.Command.IdNumber",
        "ExternalIdentity.Command.Phone", "ExternalIdentity.Command.VerifyUserId",

        // 实名核验 and 经办人: the name, ID number and mobile typed must match an account's own record (IdentityLevels.SamePerson),
        // which is what is kept; account ids and credit codes are looked up; the services are codes checked against a list.
        "VerifyAccount.Command.UserId", "VerifyAccount.Command.FullName", "VerifyAccount.Command.IdNumber",
        "Grant.Command.CreditCode", "Grant.Command.AgentMobile", "Grant.Command.AgentName", "Grant.Command.AgentIdNumber",
        "Grant.Command.Services", "Revoke.Command.CreditCode",

        // Account administration and one's own account: account ids looked up, role names checked against the list,
        // passwords and one-time codes never stored as typed, the return address checked to be local.
        "AccountAdmin.SetRoles.UserId", "AccountAdmin.SetRoles.Roles", "AccountAdmin.Lock.UserId", "AccountAdmin.Unlock.UserId",
        "AccountAdmin.ResetPassword.UserId", "AccountAdmin.ResetPassword.NewPassword", "AccountAdmin.ResetPassword.ConfirmPassword",
        "AccountAdmin.ResetAuthenticator.UserId", "AccountAdmin.EndSessions.UserId", "Enrol.Command.Code", "SignIn.Command.ReturnUrl",
        "ChangePassword.Command.CurrentPassword", "ChangePassword.Command.NewPassword", "ChangePassword.Command.ConfirmPassword",

        // 申请材料: case numbers and item codes looked up, staging keys and batches are the portal's own tokens; the notice's
        // note (at most 500 characters, its validator) becomes part of the 一次性告知 text kept in the case's history.
        "Upload.Command.Number", "Upload.Command.ItemCode", "RemoveFile.Command.Number", "Review.Command.Number",
        "SendNotice.Command.Number", "SendNotice.Command.Note", "AnswerNotice.Command.Number", "StageFiles.Command.Form",
        "StageFiles.Command.Batch", "Unstage.Command.Form", "Unstage.Command.Batch", "Submit.Command.UploadBatch",
        "Start.Command.UploadBatch", "StartLater.Command.UploadBatch", "Review.Command.ItemCode",

        // 报装 contracts, works plans and withdrawal: case numbers looked up.
        "SignContract.Command.Number", "ConfirmContracts.Command.Number", "ConfirmContracts.Command.Items.Number",
        "PlanWorks.Command.Number", "WithdrawApplication.Command.Number",
    ];

    public static TheoryData<string> StoredCases() => [.. StoredFields.Select(s => s.ToString())];

    [Theory]
    [MemberData(nameof(StoredCases))]
    public async Task Each_stored_text_field_is_refused_one_character_beyond_its_column(string name)
    {
        var stored = StoredFields.Single(s => s.ToString() == name);
        var column = await ColumnLengthAsync(stored.Entity, stored.Column);
        var request = Create(stored.Request);
        stored.Arrange?.Invoke(request);
        SetPath(request, stored.Field, new string('长', column - stored.Reserve + 1));

        var failures = await ValidateAsync(request);

        Assert.True(failures.Any(f => Names(f.PropertyName, stored.Field)),
            $"{stored}: {column - stored.Reserve + 1} characters pass the validator (column {column}); failures: {string.Join("; ", failures.Select(f => $"{f.PropertyName}: {f.ErrorMessage}"))}");
        Assert.All(failures.Where(f => Names(f.PropertyName, stored.Field)), f => Assert.Matches("\\p{IsCJKUnifiedIdeographs}", f.ErrorMessage));
    }

    /// <summary>A draft's validator names its fields as the page does (ProposedName, not Form.ProposedName).</summary>
    private static bool Names(string property, string field) =>
        property == field || (field.StartsWith("Form.", StringComparison.Ordinal) && property == field["Form.".Length..]);

    [Fact]
    public void Every_text_field_of_every_command_is_listed_as_stored_or_not_stored()
    {
        var listed = StoredFields.Select(s => $"{s.Request.DeclaringType!.Name}.{s.Request.Name}.{s.Field.Replace("[0]", "", StringComparison.Ordinal)}").Concat(NotStored).ToHashSet();
        var unlisted = Requests().Where(IsCommand)
            .SelectMany(t => TextPaths(t, "").Select(p => $"{t.DeclaringType?.Name}.{t.Name}.{p.Replace("[0]", "", StringComparison.Ordinal)}"))
            .Where(p => !listed.Contains(p))
            .ToList();

        Assert.True(unlisted.Count == 0, "Say whether these command fields are stored (StoredFields, with their column) or not (NotStored):\n" + string.Join("\n", unlisted));
    }

    [Fact]
    public async Task Every_text_field_of_every_request_is_refused_beyond_the_hard_limit_before_anything_else_runs()
    {
        var missed = new List<string>();
        var tooLong = new string('长', InputText.HardLimit + 1);
        foreach (var type in Requests().Where(t => t.GetConstructor(Type.EmptyTypes) is not null))
        {
            foreach (var path in TextPaths(type, ""))
            {
                var request = Create(type);
                SetPath(request, path, tooLong);
                var outcome = await Scenario.Outcome(() => SendAsync(request));
                if (outcome is not ValidationFailedException refused || !refused.Errors.Any(e => e.Field == path && e.Message.Contains("过长", StringComparison.Ordinal)))
                {
                    missed.Add($"{type.DeclaringType?.Name}.{type.Name}.{path}: {outcome?.GetType().Name ?? "accepted"} {outcome?.Message}");
                }
            }
        }

        Assert.True(missed.Count == 0, string.Join("\n", missed));
    }

    [Fact]
    public async Task A_draft_with_a_100_kb_investor_name_is_refused_and_nothing_is_stored()
    {
        var applicant = await factory.CreateUserAsync(Portal.Domain.Organisation.Roles.Applicant);
        var form = Est.EstablishmentForm.Blank() with
        {
            ProposedName = "枣庄草稿测试科技有限公司",
            Investors = [new Est.InvestorRow { Name = new string('股', 100_000) }],
        };

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SendAs(applicant, new Est.SaveDraft.Command { Form = form }));

        Assert.Contains(refused.Errors, e => e.Field == "Form.Investors[0].Name");
        var shorter = form with { Investors = [new Est.InvestorRow { Name = new string('股', 101) }] };
        var beyondColumn = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SendAs(applicant, new Est.SaveDraft.Command { Form = shorter }));
        Assert.Contains(beyondColumn.Errors, e => e.Field.StartsWith("Investors", StringComparison.Ordinal) || e.Field.StartsWith("Form.Investors", StringComparison.Ordinal));
        Assert.Equal(0, await factory.WithDb(db => db.EstablishmentApplications.CountAsync(a => a.ApplicantId == applicant.Id)));
    }

    private static IEnumerable<Stored> EstablishmentFields(Type request, string prefix)
    {
        var a = typeof(EstablishmentApplication);
        return
        [
            new(request, prefix + "ProposedName", a, nameof(EstablishmentApplication.ProposedName)),
            new(request, prefix + "Address", a, nameof(EstablishmentApplication.Address)),
            new(request, prefix + "OtherScope", a, nameof(EstablishmentApplication.OtherScope)),
            new(request, prefix + "LegalRepresentative", a, nameof(EstablishmentApplication.LegalRepresentative)),
            new(request, prefix + "LegalRepresentativeIdNumber", a, nameof(EstablishmentApplication.LegalRepresentativeIdNumber)),
            new(request, prefix + "ContactName", a, nameof(EstablishmentApplication.ContactName)),
            new(request, prefix + "ContactPhone", a, nameof(EstablishmentApplication.ContactPhone)),
            new(request, prefix + "SealMailAddress", a, nameof(EstablishmentApplication.SealMailAddress), Arrange: r => Set(prefix.Length == 0 ? r : Get(r, "Form")!, "SealDelivery", SealDelivery.Mail)),
            new(request, prefix + "Investors[0].Name", typeof(Investor), nameof(Investor.Name)),
            new(request, prefix + "Investors[0].IdentityNumber", typeof(Investor), nameof(Investor.IdentityNumber)),
        ];
    }

    private static void Ordinary(object request) => Set(request, "Route", DeregistrationRoute.Ordinary);

    private Task<int> ColumnLengthAsync(Type entity, string column) =>
        factory.WithDb(db =>
        {
            var type = db.Model.GetEntityTypes().First(e => e.ClrType == entity);
            var length = type.FindProperty(column)?.GetMaxLength();
            Assert.True(length is not null, $"{entity.Name}.{column} has no column length in the EF model");
            return Task.FromResult(length!.Value);
        });

    private async Task<IReadOnlyList<FluentValidation.Results.ValidationFailure>> ValidateAsync(object request)
    {
        using var scope = factory.Services.CreateScope();
        var validators = scope.ServiceProvider.GetServices(typeof(IValidator<>).MakeGenericType(request.GetType())).Cast<IValidator>().ToList();
        Assert.NotEmpty(validators);
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            failures.AddRange((await validator.ValidateAsync(new ValidationContext<object>(request))).Errors);
        }

        return failures;
    }

    private async Task SendAsync(object request)
    {
        var response = request.GetType().GetInterfaces().First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)).GetGenericArguments()[0];
        var send = typeof(PortalFactory).GetMethod(nameof(PortalFactory.SendAs))!.MakeGenericMethod(response);
        await (Task)send.Invoke(factory, [null, request])!;
    }

    private static IEnumerable<Type> Requests() =>
        typeof(Program).Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }
            && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)));

    private static bool IsCommand(Type t) => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>))
        || t == typeof(SignIn.Command) || t == typeof(Register.Command);

    /// <summary>The text fields of a request, as the pipeline names them: nested forms and the first row of a list included.</summary>
    private static IEnumerable<string> TextPaths(Type type, string prefix, int depth = 0)
    {
        if (depth > 4)
        {
            yield break;
        }

        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            var element = p.PropertyType.IsGenericType && typeof(IList).IsAssignableFrom(p.PropertyType) ? p.PropertyType.GetGenericArguments()[0] : null;
            if (p.PropertyType == typeof(string) || element == typeof(string))
            {
                yield return element is null ? prefix + p.Name : $"{prefix}{p.Name}[0]";
            }
            else if (element is not null && IsPortal(element))
            {
                foreach (var inner in TextPaths(element, $"{prefix}{p.Name}[0].", depth + 1))
                {
                    yield return inner;
                }
            }
            else if (IsPortal(p.PropertyType))
            {
                foreach (var inner in TextPaths(p.PropertyType, $"{prefix}{p.Name}.", depth + 1))
                {
                    yield return inner;
                }
            }
        }
    }

    private static bool IsPortal(Type t) => t.IsClass && t != typeof(string) && t.Namespace?.StartsWith("Portal.", StringComparison.Ordinal) == true;

    private static object Create(Type type) => Activator.CreateInstance(type, nonPublic: true)!;

    private static object? Get(object target, string name) => target.GetType().GetProperty(name)!.GetValue(target);

    private static void Set(object target, string name, object? value) => target.GetType().GetProperty(name)!.SetValue(target, value);

    /// <summary>Sets a dotted path (Form.Investors[0].Name), adding the list's first row when the list is empty.</summary>
    private static void SetPath(object target, string path, string value)
    {
        var parts = path.Split('.');
        var current = target;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var indexed = part.EndsWith("[0]", StringComparison.Ordinal);
            var property = current.GetType().GetProperty(indexed ? part[..^3] : part)!;
            var last = i == parts.Length - 1;
            if (!indexed && last)
            {
                property.SetValue(current, value);
                return;
            }

            var next = property.GetValue(current);
            if (next is null)
            {
                next = Activator.CreateInstance(property.PropertyType)!;
                property.SetValue(current, next);
            }

            if (indexed)
            {
                var list = (IList)next;
                var elementType = property.PropertyType.GetGenericArguments()[0];
                if (list.Count == 0)
                {
                    list.Add(elementType == typeof(string) ? "" : Activator.CreateInstance(elementType));
                }

                if (last)
                {
                    list[0] = value;
                    return;
                }

                next = list[0]!;
            }

            current = next;
        }
    }
}
