namespace Portal.Web.Features.Dashboard;

public sealed record StepReport(
    StepFigures Total,
    IReadOnlyList<ServiceFigures> ByService,
    IReadOnlyList<StepFigures> ByDepartment,
    IReadOnlyList<StepFigures> ByWindow,
    IReadOnlyList<StepFigures> ByStaff);
