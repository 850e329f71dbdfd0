namespace Portal.Web.Tests.Exposure;

/// <summary>
/// Who gets what from every endpoint of the portal — the one table behind <see cref="EndpointAccessTests"/>.
/// <para>
/// One row per endpoint ("METHOD /route[?handler=Name]", as <see cref="MappedEndpoints"/> lists them). The answers are
/// for the people of <see cref="AccessWorld"/>, in this order:
/// <c>anonymous owner other window supervisor admin | reviewers</c> — "owner" is the applicant whose case, enterprises
/// and appointment the addresses name, "other" another applicant; after the bar, what a back-office reviewer of
/// any department gets, followed by departments that get something else (<c>Market=200</c>).
/// </para>
/// <para>
/// Answers: <c>200</c>; <c>login</c> (sent to sign in); <c>403</c> (refused, or sent to 无权访问); <c>404</c> (not found,
/// or not theirs — nobody learns that it exists); <c>302</c> (sent on elsewhere: done, or to the right page); <c>401</c>;
/// <c>400</c>. A GET asks for the page; a POST sends the form with only its anti-forgery token (what an empty form
/// does: the people allowed get the form back with its errors, 200, or are sent on, 302).
/// </para>
/// <para>
/// Adding a page, handler or API: add its row, deciding each answer — the test fails until you do.
/// </para>
/// </summary>
public static class EndpointTable
{
    public static IReadOnlyList<Row> Rows { get; } =
    [
        //  endpoint                                           anon. owner other windw super admin | reviewers (any; exceptions)
        new("GET /",                                           "200   200   200   200   200   200   | 200"),
        new("GET /Account/AccessDenied",                       "403   403   403   403   403   403   | 403"),
        // One's own account security: signed-in people only, each for themselves (no address names anyone else).
        new("GET /Account/Authenticator",                      "login 200   200   200   200   200   | 200"),
        new("GET /Account/Password",                           "login 200   200   200   200   200   | 200"),
        // Recovery codes are shown once, right after they are made; asked for later, the page sends one on to 账号安全.
        new("GET /Account/RecoveryCodes",                      "login 302   302   302   302   302   | 302"),
        // The second-factor step belongs to a sign-in in progress; without one everybody is sent to sign in.
        new("GET /Account/SecondFactor",                       "login login login login login login | login"),
        new("GET /Account/Security",                           "login 200   200   200   200   200   | 200"),
        new("POST /Account/Authenticator",                     "login 200   200   200   200   200   | 200"),
        new("POST /Account/Password",                          "login 200   200   200   200   200   | 200"),
        new("POST /Account/SecondFactor",                      "200   200   200   200   200   200   | 200"),
        // Applicants have no authenticator to turn off (sent back); staff may not turn theirs off (the page says why).
        new("POST /Account/Security?handler=Disable",          "login 302   302   200   200   200   | 200"),
        new("POST /Account/Security?handler=EndOthers",        "login 302   302   302   302   302   | 302"),
        // Applicants without an authenticator are told they have none; staff get new codes and are sent to see them.
        new("POST /Account/Security?handler=RenewCodes",       "login 200   200   302   302   302   | 302"),
        new("POST /Account/Security?handler=ResetAuthenticator", "login 302   302   302   302   302   | 302"),
        new("GET /Account/Login",                              "200   200   200   200   200   200   | 200"),
        new("GET /Account/Logout",                             "login 302   302   302   302   302   | 302"),
        new("GET /Account/Register",                           "200   200   200   200   200   200   | 200"),
        new("GET /Admin",                                      "login 403   403   403   403   200   | 403"),
        // The administrator's account pages (账号管理, 安全审计日志); {account} is a spare applicant account.
        new("GET /Admin/Account",                              "login 403   403   403   403   200   | 403", "/Admin/Account?id={account}"),
        new("GET /Admin/Accounts",                             "login 403   403   403   403   200   | 403"),
        new("GET /Admin/Audit",                                "login 403   403   403   403   200   | 403"),
        new("POST /Admin/Account?handler=EndSessions",         "login 403   403   403   403   302   | 403", "/Admin/Account?id={account}&handler=EndSessions"),
        new("POST /Admin/Account?handler=Lock",                "login 403   403   403   403   302   | 403", "/Admin/Account?id={account}&handler=Lock"),
        new("POST /Admin/Account?handler=Password",            "login 403   403   403   403   200   | 403", "/Admin/Account?id={account}&handler=Password"),
        new("POST /Admin/Account?handler=ResetAuthenticator",  "login 403   403   403   403   302   | 403", "/Admin/Account?id={account}&handler=ResetAuthenticator"),
        new("POST /Admin/Account?handler=Roles",               "login 403   403   403   403   200   | 403", "/Admin/Account?id={account}&handler=Roles"),
        new("POST /Admin/Account?handler=Unlock",              "login 403   403   403   403   302   | 403", "/Admin/Account?id={account}&handler=Unlock"),
        new("GET /Admin/Index",                                "login 403   403   403   403   200   | 403"),
        new("GET /Appointments",                               "login 200   200   200   200   200   | 200"),
        new("GET /Appointments/Book",                          "login 200   200   200   200   200   | 200"),
        new("GET /Appointments/CheckIn",                       "200   200   200   200   200   200   | 200"),
        new("GET /Appointments/Index",                         "login 200   200   200   200   200   | 200"),
        new("GET /Appointments/Today",                         "login 403   403   200   200   403   | 403"),
        new("GET /Appointments/{code}",                        "login 200   404   404   404   404   | 404"),
        new("GET /Calendar/Manage",                            "login 403   403   403   403   200   | 403"),
        new("GET /Cases",                                      "login 200   200   200   200   200   | 200"),
        new("GET /Cases/Index",                                "login 200   200   200   200   200   | 200"),
        // A case: its applicant, every window, supervisor and administrator, and the departments of its sub-items (企业开办: Market … Bank, the 单独办理 ones too); nobody else learns it exists.
        // A case's 申请材料 (MaterialAccess): the applicant side, supervisors and the staff holding the case (the table's case is
        // 办理中 with 市场监管 and its 首问负责人) — not every department that sees the case, nor administrators. Reviewing and
        // the 一次性告知: staff holding the case (role-refused first, 403, for applicants); answering: the applicant side; removing
        // without a file named: not found. Each file route × each kind of person at 待受理, 办理中 and 办结 is in
        // Materials/MaterialAccessTests; here a file nobody has is not found for everybody.
        new("GET /Cases/{number}/Materials",                   "login 200   404   200   200   404   | 404 Market=200"),
        new("GET /Materials/Files/{id:long}",                  "login 404   404   404   404   404   | 404", "/Materials/Files/987654321"),
        new("GET /Materials/Files/{id:long}/inline",           "login 404   404   404   404   404   | 404", "/Materials/Files/987654321/inline"),
        // Blank forms (模板) of the material lists are public, like the guide pages that link them.
        new("GET /Materials/Template/{code}",                  "200   200   200   200   200   200   | 200"),
        new("GET /Materials/Template/{code}/file",             "200   200   200   200   200   200   | 200", "/Materials/Template/lease/file"),
        new("GET /Cases/{number}",                             "login 200   404   200   200   200   | 200 Power=404 Water=404 Gas=404 Heat=404 Telecom=404 Customs=404 CentralBank=404"),
        new("GET /Connection/Apply",                           "login 200   200   200   200   200   | 200"),
        // 报装's own pages for one application (contract terms, confirming every contract, the works plan, withdrawing the
        // whole application): the table's world has no 报装 case, so a number nobody has is asked — refused by role first
        // (contracts are signed by utilities, the works plan by power) or not found; who may act on a real application is in
        // Connections/JointContractTests, ContractTermsAndWorksPlan and the connection lifecycle tests.
        new("GET /Connection/Contract/{number}",               "login 403   403   404   404   404   | 404", "/Connection/Contract/BZ-20991231-000001"),
        new("GET /Connection/Contracts/{number}",              "login 404   404   404   404   404   | 404", "/Connection/Contracts/BZ-20991231-000001"),
        new("GET /Connection/Withdraw/{number}",               "login 404   404   404   404   404   | 404", "/Connection/Withdraw/BZ-20991231-000001"),
        new("GET /Connection/Works/{number}",                  "login 404   404   404   404   404   | 404", "/Connection/Works/BZ-20991231-000001"),
        new("GET /Connection/{utility?}",                      "200   200   200   200   200   200   | 200"),
        new("GET /Dashboard",                                  "login 403   403   403   200   200   | 403"),
        new("GET /Dashboard?handler=Export",                   "login 403   403   403   200   200   | 403", "/Dashboard?handler=Export&table=staff&format=csv"),
        // An enterprise's 注销: its legal representative or a window; 代位注销 (Authority) only supervisors.
        new("GET /Deregistration/Start/{code}",                "login 200   403   200   200   403   | 403"),
        new("GET /Deregistration/{route?}",                    "200   200   200   200   200   200   | 200"),
        new("GET /Enterprises",                                "login 200   200   200   200   200   | 200"),
        new("GET /Enterprises/Index",                          "login 200   200   200   200   200   | 200"),
        new("GET /Enterprises/{code}",                         "login 200   404   200   200   200   | 200"),
        // An enterprise's agents (经办人): only its verified legal representative names and revokes them; another applicant
        // does not learn it exists, staff are refused with the reason. Revoking nothing: not found.
        new("GET /Enterprises/{code}/Agents",                  "login 200   404   403   403   403   | 403"),
        new("POST /Enterprises/{code}/Agents",                 "login 200   404   403   403   403   | 403"),
        new("POST /Enterprises/{code}/Agents?handler=Revoke",  "login 404   404   403   403   403   | 403"),
        // The error pages answer 200 when asked for directly.
        new("GET /Errors/Error",                               "200   200   200   200   200   200   | 200"),
        new("GET /Errors/Status",                              "200   200   200   200   200   200   | 200"),
        new("GET /Establishment",                              "200   200   200   200   200   200   | 200"),
        new("GET /Establishment/Application/{number}",         "login 200   404   200   200   200   | 200 Power=404 Water=404 Gas=404 Heat=404 Telecom=404 Customs=404 CentralBank=404"),
        new("GET /Establishment/Apply",                        "login 200   200   200   403   403   | 403"),
        new("GET /Establishment/Index",                        "200   200   200   200   200   200   | 200"),
        new("GET /Hall",                                       "200   200   200   200   200   200   | 200"),
        new("GET /Hall/Board",                                 "200   200   200   200   200   200   | 200"),
        new("GET /Hall/Ticket/{code}",                         "200   200   200   200   200   200   | 200"),
        new("GET /Hall/Window",                                "login 403   403   200   403   403   | 403"),
        new("GET /Help",                                       "200   200   200   200   200   200   | 200"),
        new("GET /Home",                                       "200   200   200   200   200   200   | 200"),
        new("GET /Home/Index",                                 "200   200   200   200   200   200   | 200"),
        new("GET /Home/TextSize",                              "302   302   302   302   302   302   | 302"),
        // 实名等级: an applicant's own level and how to raise it; staff have no such page.
        new("GET /Identity",                                   "login 200   200   403   403   403   | 403"),
        new("GET /Identity/Index",                             "login 200   200   403   403   403   | 403"),
        // 统一身份认证 is off by default (Portal:IdentityProvider): its sign-in and callbacks are not found; the failure page explains.
        new("GET /Identity/External",                          "login login login login login login | login"),
        new("GET /Identity/External?handler=Callback",         "404   404   404   404   404   404   | 404"),
        new("GET /Identity/External?handler=Failed",           "200   200   200   200   200   200   | 200"),
        new("POST /Identity/External?handler=SignIn",          "404   404   404   404   404   404   | 404"),
        new("POST /Identity/External?handler=Verify",          "404   404   404   404   404   404   | 404"),
        // 实名核验 against the ID card: window staff only.
        new("GET /Identity/Verify",                            "login 403   403   200   403   403   | 403"),
        new("POST /Identity/Verify",                           "login 403   403   200   403   403   | 403"),
        new("GET /Messages",                                   "login 200   200   200   200   200   | 200"),
        new("GET /Messages/Index",                             "login 200   200   200   200   200   | 200"),
        new("GET /Notices",                                    "200   200   200   200   200   200   | 200"),
        new("GET /Notices/{number}",                           "200   200   200   200   200   200   | 200"),
        new("GET /Promises",                                   "200   200   200   200   200   200   | 200"),
        new("GET /Promises/Edit",                              "login 403   403   403   403   200   | 403"),
        new("GET /Promises/Index",                             "200   200   200   200   200   200   | 200"),
        new("GET /Ratings",                                    "200   200   200   200   200   200   | 200"),
        // Rating a case: only its applicant. A rating's code and a served ticket's code are the keys of View and Visit: no account needed.
        new("GET /Ratings/Case/{number}/{subject:regex(^(Acceptance|Processing)$)}", "login 200   404   404   404   404   | 404"),
        new("GET /Ratings/FollowUps",                          "login 403   403   403   200   200   | 403"),
        new("GET /Ratings/FollowUps/{id:long}",                "login 403   403   403   200   200   | 403"),
        new("GET /Ratings/Staff",                              "login 403   403   200   200   200   | 200"),
        new("GET /Ratings/View/{code}",                        "200   200   200   200   200   200   | 200"),
        new("GET /Ratings/Visit/{code}",                       "200   200   200   200   200   200   | 200"),
        new("GET /Ratings?handler=Export",                     "login 403   403   403   200   200   | 403", "/Ratings?handler=Export&table=staff&format=csv"),
        new("GET /Supervision",                                "login 403   403   403   200   200   | 403"),
        new("GET /Supervision/Index",                          "login 403   403   403   200   200   | 403"),
        new("GET /Workbench",                                  "login 403   403   200   200   200   | 200"),
        new("GET /Workbench/Index",                            "login 403   403   200   200   200   | 200"),
        new("GET /api/calendar/day",                           "200   200   200   200   200   200   | 200", "/api/calendar/day?date=2026-11-23"),
        new("GET /api/calendar/due",                           "200   200   200   200   200   200   | 200", "/api/calendar/due?from=2026-11-23&workingDays=5"),
        new("GET /api/hall/board",                             "200   200   200   200   200   200   | 200"),
        // The utilities' feed wants its key in X-Api-Key (Connections/UtilityFeedTests), whoever is signed in.
        new("GET /api/utilities/{utility}/requests",           "401   401   401   401   401   401   | 401"),
        new("GET /healthz",                                    "200   200   200   200   200   200   | 200"),
        new("GET /openapi/{documentName:regex(^utilities$)}.json",                "200   200   200   200   200   200   | 200"),
        new("GET /verify/{code}",                              "200   200   200   200   200   200   | 200"),
        new("GET /{*path:nonfile}",                            "404   404   404   404   404   404   | 404"),
        new("POST /Account/Login",                             "200   200   200   200   200   200   | 200"),
        new("POST /Account/Logout",                            "login 302   302   302   302   302   | 302"),
        new("POST /Account/Register",                          "200   200   200   200   200   200   | 200"),
        new("POST /Appointments/Book",                         "login 200   200   200   200   200   | 200"),
        new("POST /Appointments/CheckIn",                      "200   200   200   200   200   200   | 200"),
        new("POST /Appointments/Index?handler=Cancel",         "login 404   404   404   404   404   | 404"),
        new("POST /Appointments?handler=Cancel",               "login 404   404   404   404   404   | 404"),
        new("POST /Calendar/Manage?handler=Arrangement",       "login 403   403   403   403   200   | 403"),
        new("POST /Calendar/Manage?handler=Day",               "login 403   403   403   403   200   | 403"),
        // An administrator deleting a day that has no entry: 404.
        new("POST /Calendar/Manage?handler=Delete",            "login 403   403   403   403   404   | 403"),
        new("POST /Calendar/Manage?handler=Recompute",         "login 403   403   403   403   302   | 403"),
        new("POST /Calendar/Manage?handler=Year",              "login 403   403   403   403   200   | 403"),
        new("POST /Cases/{number}",                            "login 200   404   200   200   200   | 200 Power=404 Water=404 Gas=404 Heat=404 Telecom=404 Customs=404 CentralBank=404"),
        // Staff-only case forms: applicants are refused by role (403) before the case is looked up.
        new("POST /Cases/{number}?handler=Budget",             "login 403   403   200   200   200   | 200 Power=404 Water=404 Gas=404 Heat=404 Telecom=404 Customs=404 CentralBank=404"),
        new("POST /Cases/{number}?handler=HandOver",           "login 403   403   200   200   200   | 200 Power=404 Water=404 Gas=404 Heat=404 Telecom=404 Customs=404 CentralBank=404"),
        // A track's action with no track named: not found for everybody (the default action, 启动, is a real one since 15.4).
        new("POST /Cases/{number}?handler=Item",               "login 404   404   404   404   404   | 404"),
        new("POST /Cases/{number}?handler=Objection",          "login 403   403   403   403   403   | 403 Market=200"),
        new("POST /Cases/{number}?handler=Share",              "login 403   403   404   404   404   | 404"),
        // The joint survey belongs to a 报装 application: on this 企业开办 case staff are told it does not exist; applicants are refused by role.
        new("POST /Cases/{number}?handler=Survey",             "login 403   403   404   404   404   | 404"),
        new("POST /Cases/{number}/Materials?handler=Answer",   "login 200   404   403   403   404   | 404 Market=403"),
        new("POST /Cases/{number}/Materials?handler=Notice",   "login 403   403   200   403   404   | 404 Market=200"),
        new("POST /Cases/{number}/Materials?handler=Remove",   "login 404   404   404   403   404   | 404"),
        new("POST /Cases/{number}/Materials?handler=Review",   "login 403   403   200   200   404   | 404 Market=200"),
        new("POST /Cases/{number}/Materials?handler=Upload",   "login 200   404   200   200   404   | 404 Market=200"),
        // Files staged with the 企业开办 form before it is sent: applicants and the window (帮办代办), each only their own
        // (removing a staged file that is not one's own: not found).
        new("POST /Establishment/Apply?handler=Unstage",       "login 404   404   200   403   403   | 403"),
        new("POST /Establishment/Apply?handler=Upload",        "login 200   200   200   403   403   | 403"),
        new("POST /Connection/Contract/{number}",              "login 403   403   404   404   404   | 404", "/Connection/Contract/BZ-20991231-000001"),
        new("POST /Connection/Contracts/{number}",             "login 404   404   404   403   403   | 403", "/Connection/Contracts/BZ-20991231-000001"),
        new("POST /Connection/Withdraw/{number}",              "login 404   404   404   403   403   | 403", "/Connection/Withdraw/BZ-20991231-000001"),
        new("POST /Connection/Works/{number}",                 "login 404   404   404   404   404   | 404", "/Connection/Works/BZ-20991231-000001"),
        new("POST /Connection/Apply",                          "login 200   200   200   200   200   | 200"),
        // 上传所选文件 and 移除 on the 报装 form, as on the 企业开办 form: only those who file it stage files (removing no file:
        // not found; a clerk's post without its batch is shown again with the reason).
        new("POST /Connection/Apply?handler=Upload",           "login 200   200   200   200   200   | 200"),
        new("POST /Connection/Apply?handler=Unstage",          "login 404   404   200   403   403   | 403"),
        // Supervisors see the page for 代位注销 (Authority) but may not file an ordinary 注销: refused before the fields are read.
        new("POST /Deregistration/Start/{code}",               "login 200   403   200   403   403   | 403"),
        new("POST /Deregistration/Start/{code}?handler=Authority", "login 403   403   403   200   403   | 403"),
        // 上传所选文件 and 移除 on the 注销 start form: whoever may open the form (who may start it is asked first).
        new("POST /Deregistration/Start/{code}?handler=Upload", "login 200   403   200   200   403   | 403"),
        new("POST /Deregistration/Start/{code}?handler=Unstage", "login 404   403   200   403   403   | 403"),
        new("POST /Enterprises/{code}?handler=Start",          "login 200   404   200   403   403   | 403"),
        new("POST /Errors/Error",                              "200   200   200   200   200   200   | 200"),
        new("POST /Errors/Status",                             "200   200   200   200   200   200   | 200"),
        new("POST /Establishment/Apply?handler=CheckName",     "login 200   200   200   403   403   | 403"),
        new("POST /Establishment/Apply?handler=Draft",         "login 302   302   403   403   403   | 403"),
        new("POST /Establishment/Apply?handler=Submit",        "login 200   200   200   403   403   | 403"),
        new("POST /Hall",                                      "200   200   200   200   200   200   | 200"),
        new("POST /Hall/Window",                               "login 403   403   200   403   403   | 403"),
        new("POST /Hall/Window?handler=Open",                  "login 403   403   200   403   403   | 403"),
        new("POST /Home/TextSize",                             "302   302   302   302   302   302   | 302"),
        // Marking one message read: a message that is neither one's own nor in one's roles' inboxes is not found (an
        // empty form names none); RoleInboxTests posts other people's and other roles' real ids.
        new("POST /Messages/Index?handler=Read",               "login 404   404   404   404   404   | 404"),
        new("POST /Messages/Index?handler=ReadAll",            "login 302   302   302   302   302   | 302"),
        new("POST /Messages?handler=Read",                     "login 404   404   404   404   404   | 404"),
        new("POST /Messages?handler=ReadAll",                  "login 302   302   302   302   302   | 302"),
        new("POST /Notices/{number}",                          "200   200   200   200   200   200   | 200"),
        new("POST /Promises/Edit?handler=Limit",               "login 403   403   403   403   200   | 403"),
        new("POST /Promises/Edit?handler=Profile",             "login 403   403   403   403   200   | 403"),
        new("POST /Ratings/Case/{number}/{subject:regex(^(Acceptance|Processing)$)}", "login 200   404   404   404   404   | 404"),
        new("POST /Ratings/FollowUps/{id:long}",               "login 403   403   403   200   403   | 403"),
        new("POST /Ratings/FollowUps/{id:long}?handler=Decide", "login 403   403   403   200   200   | 403"),
        new("POST /Ratings/Staff",                             "login 403   403   200   200   200   | 200"),
        new("POST /Ratings/View/{code}",                       "200   200   200   200   200   200   | 200"),
        new("POST /Ratings/Visit/{code}",                      "200   200   200   200   200   200   | 200"),
        new("POST /Workbench/Index?handler=Supply",            "login 403   403   200   200   200   | 200"),
        new("POST /Workbench?handler=Supply",                  "login 403   403   200   200   200   | 200"),
    ];

    /// <summary>
    /// Answers that are wrong today and are being put right elsewhere: the row above says what the answer must be; the
    /// test accepts today's answer for these people only, and fails once the right answer comes, so the entry is removed.
    /// A post with invalid fields against a case, enterprise or sub-item the person may not touch is validated before
    /// its ownership is checked, and redisplaying the refused form then fails with a server error — issue 16 part 5
    /// (wave 2 helper "hardening": ownership first, then validation).
    /// </summary>
    public static IReadOnlyList<KnownDefect> KnownDefects { get; } =
    [
    ];

    /// <summary>Today's wrong answer <paramref name="Today"/> of an endpoint for some roles (space separated), and the issue part that fixes it.</summary>
    public sealed record KnownDefect(string Endpoint, string Roles, string Today, string Issue)
    {
        public bool Covers(string endpoint, string role) =>
            Endpoint == endpoint && Roles.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(role, StringComparer.Ordinal);
    }

    /// <summary>The known defect of an endpoint for a role, or null.</summary>
    public static KnownDefect? KnownDefectOf(string endpoint, string role) => KnownDefects.FirstOrDefault(d => d.Covers(endpoint, role));

    /// <summary>One endpoint: its key, the answers (see the class), and the address asked (placeholders in braces are <see cref="AccessWorld.Values"/>).</summary>
    public sealed record Row(string Endpoint, string Answers, string? Url = null)
    {
        public string Method => Endpoint[..Endpoint.IndexOf(' ')];

        /// <summary>The answer the table gives for a role of <see cref="AccessWorld.Roles"/>.</summary>
        public string Expected(string role)
        {
            var parts = Answers.Split('|');
            var people = parts[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var reviewers = parts.Length > 1 ? parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
            var index = AccessWorld.Roles.ToList().IndexOf(role);
            if (index < people.Length && index < 6)
            {
                return people[index];
            }

            var exception = reviewers.Skip(1).FirstOrDefault(r => r.StartsWith(role + "=", StringComparison.Ordinal));
            return exception?[(role.Length + 1)..] ?? reviewers.FirstOrDefault() ?? throw new InvalidOperationException($"{Endpoint}: no answer for {role}");
        }

        public string UrlFor(IReadOnlyDictionary<string, string> values)
        {
            var url = Url ?? SampleUrl(Endpoint[(Endpoint.IndexOf(' ') + 1)..]);
            foreach (var (name, value) in values)
            {
                url = url.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
            }

            return url;
        }
    }

    /// <summary>The address asked for a route when its row does not give one: route parameters filled from the world.</summary>
    public static string SampleUrl(string route)
    {
        var (path, query) = route.IndexOf('?') is var q and >= 0 ? (route[..q], route[q..]) : (route, "");
        path = path switch
        {
            "/Cases/{number}" or "/Establishment/Application/{number}" or "/Cases/{number}/Materials" => path.Replace("{number}", "{case}", StringComparison.Ordinal),
            "/Materials/Template/{code}" => "/Materials/Template/lease",
            "/Notices/{number}" => "/Notices/{notice}",
            "/Ratings/Case/{number}/{subject:regex(^(Acceptance|Processing)$)}" => "/Ratings/Case/{case}/Acceptance",
            "/verify/{code}" or "/Enterprises/{code}" or "/Enterprises/{code}/Agents" or "/Deregistration/Start/{code}" => path.Replace("{code}", "{enterprise}", StringComparison.Ordinal),
            "/Appointments/{code}" => "/Appointments/{appointment}",
            "/Hall/Ticket/{code}" or "/Ratings/Visit/{code}" => path.Replace("{code}", "{ticket}", StringComparison.Ordinal),
            "/Ratings/View/{code}" => "/Ratings/View/{rating}",
            "/Ratings/FollowUps/{id:long}" => "/Ratings/FollowUps/{followup}",
            "/Connection/{utility?}" => "/Connection/power",
            "/Deregistration/{route?}" => "/Deregistration/Simple",
            "/api/utilities/{utility}/requests" => "/api/utilities/power/requests",
            "/openapi/{documentName:regex(^utilities$)}.json" => "/openapi/utilities.json",
            "/{*path:nonfile}" => "/no-such-page",
            _ => path,
        };
        return path + query;
    }
}
