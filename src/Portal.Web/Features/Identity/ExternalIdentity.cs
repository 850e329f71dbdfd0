using System.Text.RegularExpressions;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Identity;
using Portal.Domain.Organisation;
using Portal.Domain.Privacy;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Common;

namespace Portal.Web.Features.Identity;

/// <summary>
/// What a sign-in at the identity provider does with the name and ID number it vouches for
/// (docs/decisions/0016-identity-levels.md):
/// <list type="bullet">
/// <item>from 我的实名等级 (the account is signed in): the account is verified and linked when its name and ID number
/// are the provider's; otherwise nothing changes;</item>
/// <item>from the sign-in page: an account already linked signs in; an account already verified with the same name and
/// ID number is linked and signs in; otherwise a new verified applicant account is created. An unverified account
/// that merely claims the same name and ID number is never taken over — whoever registered it may not be this person;
/// its owner links it by signing in to it first and verifying from 我的实名等级.</item>
/// </list>
/// </summary>
public static partial class ExternalIdentity
{
    /// <summary>Sent only by the callback above, with what the provider's checked id_token says (the person may not be signed in yet).</summary>
    [PublicRequest]
    public sealed record Command : ICommand<Result>
    {
        public string ProviderKey { get; init; } = "";

        public string? Name { get; init; }

        public string? IdNumber { get; init; }

        public string? Phone { get; init; }

        /// <summary>The signed-in account to verify (核验), or null for a sign-in (登录).</summary>
        public string? VerifyUserId { get; init; }
    }

    /// <summary>The account to sign in or that was verified, and the notice; or a refusal (nothing changed).</summary>
    public sealed record Result(string UserId, string Notice, string? Refusal = null)
    {
        public static Result Refused(string refusal) => new("", "", refusal);
    }

    public sealed class Handler(PortalDbContext db, UserManager<PortalUser> users, IdentityJournal journal, IOptions<IdentityProviderOptions> options, TimeProvider time)
        : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var provider = options.Value.DisplayName;
            var scheme = IdentityProviderOptions.Scheme;
            var name = request.Name?.Trim() ?? "";
            var idNumber = ResidentIdNumber.Normalize(request.IdNumber ?? "");
            if (string.IsNullOrWhiteSpace(request.ProviderKey) || name.Length is 0 or > 50 || ResidentIdNumber.Validate(idNumber) is not null)
            {
                return Result.Refused($"{provider}没有提供有效的姓名和居民身份证号，无法完成实名核验。请联系认证平台或到窗口核验。");
            }

            var now = time.GetUtcNow().UtcDateTime;
            var linked = await users.FindByLoginAsync(scheme, request.ProviderKey);
            if (request.VerifyUserId is { } userId)
            {
                var user = await users.FindByIdAsync(userId) ?? throw new NotSignedInException();
                if (linked is not null && linked.Id != user.Id)
                {
                    return Result.Refused($"该{provider}账号已关联本平台的另一个账号，请使用那个账号登录。");
                }

                if (!IdentityLevels.SamePerson(name, idNumber, user.FullName, user.IdNumber))
                {
                    return Result.Refused($"{provider}返回的姓名或身份证号与本账号登记的不一致，未能核验。账号登记的信息须与居民身份证一致；如有误，请到窗口办理。");
                }

                if (await OtherVerifiedAsync(idNumber, user.Id, cancellationToken) is { } other)
                {
                    return Result.Refused(VerifyAccount.OneVerifiedAccount(other));
                }

                if (!user.Level.IsVerified())
                {
                    Verify(user, now, provider);
                }

                if (linked is null)
                {
                    Link(user, request.ProviderKey, now, provider);
                }

                await db.SaveChangesAsync(cancellationToken);
                return new Result(user.Id, $"已通过{provider}完成实名核验。");
            }

            if (linked is not null)
            {
                // Still the same person as the provider says: a verification that lapsed (a changed name) is renewed.
                if (!linked.Level.IsVerified() && IdentityLevels.SamePerson(name, idNumber, linked.FullName, linked.IdNumber)
                    && await OtherVerifiedAsync(idNumber, linked.Id, cancellationToken) is null)
                {
                    Verify(linked, now, provider);
                    await db.SaveChangesAsync(cancellationToken);
                }

                return new Result(linked.Id, $"已通过{provider}登录。");
            }

            var verified = await db.Users.FirstOrDefaultAsync(u => u.VerifiedIdNumber == idNumber, cancellationToken);
            if (verified is not null)
            {
                if (!verified.Level.IsVerified() || !IdentityLevels.SamePerson(name, idNumber, verified.FullName, verified.IdNumber))
                {
                    return Result.Refused($"该身份证号已有实名核验的账号，但其登记信息与{provider}返回的不一致，请携带居民身份证到政务服务中心窗口处理。");
                }

                Link(verified, request.ProviderKey, now, provider);
                await db.SaveChangesAsync(cancellationToken);
                return new Result(verified.Id, $"已通过{provider}登录，并关联到您已实名核验的账号。");
            }

            var account = new PortalUser
            {
                UserName = await UserNameAsync(request.Phone, cancellationToken),
                PhoneNumber = Mobile(request.Phone),
                FullName = name,
                IdNumber = idNumber,
                Kind = UserKind.Citizen,
                CreatedAt = now,
            };
            var created = await users.CreateAsync(account);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("The identity provider's account could not be created: " + string.Join("; ", created.Errors.Select(e => e.Code)));
            }

            await users.AddToRoleAsync(account, Roles.Applicant);
            journal.Record(new IdentityEvent(account.Id, IdentityEventKind.ProviderAccountCreated, now, null, provider, $"首次通过{provider}登录，创建申请人账号"), account.UserName);
            Verify(account, now, provider);
            Link(account, request.ProviderKey, now, provider);
            await db.SaveChangesAsync(cancellationToken);
            return new Result(account.Id, $"已通过{provider}登录，并创建了已实名核验的账号。");
        }

        private async Task<string?> OtherVerifiedAsync(string idNumber, string userId, CancellationToken cancellationToken) =>
            await db.Users.AsNoTracking().Where(u => u.VerifiedIdNumber == idNumber && u.Id != userId)
                .Select(u => u.PhoneNumber ?? u.UserName).FirstOrDefaultAsync(cancellationToken) is { } mobile ? mobile : null;

        private void Verify(PortalUser user, DateTime now, string provider)
        {
            user.MarkVerified(VerificationMethod.IdentityProvider, now, null, provider);
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
            journal.Record(
                new IdentityEvent(
                    user.Id, IdentityEventKind.Verified, now, null, provider,
                    $"{provider}核验：姓名{PersonalData.MaskName(user.FullName)}，身份证号{PersonalData.MaskIdNumber(user.IdNumber)}"),
                user.UserName);
        }

        private void Link(PortalUser user, string providerKey, DateTime now, string provider)
        {
            db.UserLogins.Add(new IdentityUserLogin<string>
            {
                LoginProvider = IdentityProviderOptions.Scheme,
                ProviderKey = providerKey,
                ProviderDisplayName = provider,
                UserId = user.Id,
            });
            journal.Record(new IdentityEvent(user.Id, IdentityEventKind.ProviderLinked, now, null, provider, $"关联{provider}账号"), user.UserName);
        }

        /// <summary>The mobile number when the provider gave a free one (the usual user name), else a generated name.</summary>
        private async Task<string> UserNameAsync(string? phone, CancellationToken cancellationToken)
        {
            if (Mobile(phone) is { } mobile && !await db.Users.AnyAsync(u => u.UserName == mobile, cancellationToken))
            {
                return mobile;
            }

            return "uia-" + Guid.NewGuid().ToString("N")[..12];
        }

        private static string? Mobile(string? phone) =>
            phone?.Trim() is { } p && MobilePattern().IsMatch(p) ? p : null;
    }

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex MobilePattern();
}
