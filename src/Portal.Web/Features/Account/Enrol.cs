using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Security;
using Portal.Web.Common;
using Portal.Web.Features.Security;
using QRCoder;

namespace Portal.Web.Features.Account;

public static class Enrol
{
    public const int RecoveryCodeCount = 10;

    /// <summary>What the page shows: whether an authenticator is bound, else the key, as text and as a QR code.</summary>
    public sealed record Setup(bool Enabled, bool Staff, string UserName, string Key, string OtpUri, string QrSvg);

    /// <summary>Gives the account an authenticator key when it has none (not yet bound), and describes it.</summary>
    public sealed record Prepare : ICommand<Setup>;

    public sealed class PrepareHandler(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, CurrentUser me) : IRequestHandler<Prepare, Setup>
    {
        public async Task<Setup> Handle(Prepare request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(me.Id!) ?? throw new NotSignedInException();
            var staff = (await users.GetRolesAsync(user)).Any(r => r != Domain.Organisation.Roles.Applicant);
            if (user.TwoFactorEnabled)
            {
                return new Setup(true, staff, user.UserName ?? "", "", "", "");
            }

            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                await users.ResetAuthenticatorKeyAsync(user);
                key = await users.GetAuthenticatorKeyAsync(user);

                // A new key changes the account's security stamp; the session continues with the new one.
                await signIn.RefreshSignInAsync(user);
            }

            var uri = OtpUri(user.UserName ?? "", key!);
            return new Setup(false, staff, user.UserName ?? "", Group(key!), uri, QrSvg(uri));
        }
    }

    /// <summary>The key in groups of four, as authenticator apps ask for it.</summary>
    public static string Group(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(i == 0 ? "" : " ").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return text.ToString();
    }

    /// <summary>The Key URI Format of authenticator apps (otpauth://totp/…), 6 digits every 30 seconds.</summary>
    public static string OtpUri(string userName, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(SecuritySetup.AuthenticatorIssuer)}:{Uri.EscapeDataString(userName)}?secret={key}&issuer={Uri.EscapeDataString(SecuritySetup.AuthenticatorIssuer)}&digits=6";

    public static string QrSvg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(new System.Drawing.Size(200, 200), "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    /// <summary>Binds the authenticator once a code from it is right; returns the new recovery codes (shown once).</summary>
    public sealed record Command : ICommand<IReadOnlyList<string>>
    {
        [Display(Name = "验证器上显示的6位验证码")]
        public string Code { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Code).NotEmpty().WithMessage("请输入身份验证器上显示的6位验证码。")
                .Matches(@"^\s*[0-9]{3}\s?[0-9]{3}\s*$").WithMessage("验证码是6位数字。");
        }
    }

    public sealed class Handler(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, Sessions sessions, IAuditLog audit, CurrentUser me)
        : IRequestHandler<Command, IReadOnlyList<string>>
    {
        public async Task<IReadOnlyList<string>> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(me.Id!) ?? throw new NotSignedInException();
            if (user.TwoFactorEnabled)
            {
                throw new ValidationFailedException("", "此账号已绑定身份验证器。如需更换，请在“账号安全”中先重置身份验证器。");
            }

            var code = new string(request.Code.Where(char.IsAsciiDigit).ToArray());
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                throw new ValidationFailedException(nameof(Command.Code), "验证码不正确：请确认已扫描本页的二维码、手机时间准确，并输入当前显示的6位数字。");
            }

            await users.SetTwoFactorEnabledAsync(user, true);
            var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
            await audit.RecordAsync(SecurityEventType.SecondFactorEnrolled, AuditSubject.Of(user), "身份验证器（TOTP）", cancellationToken);

            // Sessions opened before the account had a second factor end; this one continues as having passed it.
            await sessions.EndOthersAsync(user.Id, cancellationToken);
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(SecondFactor.MethodClaim, SecondFactor.Passed)]);
            return codes;
        }
    }
}
