import { lazy, type ComponentType } from 'react';

/**
 * React.lazy with a preload. Once the chunk has loaded, the component is handed to React
 * synchronously (a thenable that resolves at once), so React does not suspend and does not
 * hold back the page for its Suspense throttle (about 300 ms in React 19).
 */
function lazyPage<M, P extends object>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType<P>,
) {
  let loaded: M | undefined;
  let pending: Promise<M> | undefined;
  const preload = () => {
    pending ??= load().then((module) => {
      loaded = module;
      return module;
    });
    pending.catch(() => {
      pending = undefined; // try again on the next render
    });
    return pending;
  };
  const Component = lazy(() => {
    if (loaded !== undefined) {
      const module = loaded;
      const ready = { then: (resolve: (value: { default: ComponentType<P> }) => void) => resolve({ default: pick(module) }) };
      return ready as unknown as Promise<{ default: ComponentType<P> }>;
    }
    return preload().then((module) => ({ default: pick(module) }));
  });
  return { Component, preload };
}

// Everything behind the login is loaded on demand, so the login page needs only the shell.
const workspaceLayout = lazyPage(
  () => import('./features/shell/WorkspaceLayout'),
  (m) => m.WorkspaceLayout,
);
const overviewPage = lazyPage(() => import('./features/overview/OverviewPage'), (m) => m.OverviewPage);
const areaPage = lazyPage(() => import('./features/areas/AreaPage'), (m) => m.AreaPage);
const settingsPage = lazyPage(
  () => import('./features/settings/WorkspaceSettingsPage'),
  (m) => m.WorkspaceSettingsPage,
);
const auditLogPage = lazyPage(() => import('./features/settings/AuditLogPage'), (m) => m.AuditLogPage);
// Wie is wie (area "people").
const peopleListPage = lazyPage(
  () => import('./features/whoiswho/PeopleListPage'),
  (m) => m.PeopleListPage,
);
const addPersonPage = lazyPage(
  () => import('./features/whoiswho/AddPersonPage'),
  (m) => m.AddPersonPage,
);
const personPage = lazyPage(() => import('./features/whoiswho/PersonPage'), (m) => m.PersonPage);
const organisationsPage = lazyPage(
  () => import('./features/whoiswho/OrganisationsPage'),
  (m) => m.OrganisationsPage,
);
const organisationPage = lazyPage(
  () => import('./features/whoiswho/OrganisationPage'),
  (m) => m.OrganisationPage,
);
const importPage = lazyPage(() => import('./features/whoiswho/ImportPage'), (m) => m.ImportPage);
// Beleidskalender (area "policy-calendar").
const calendarOverviewPage = lazyPage(
  () => import('./features/calendar/CalendarOverviewPage'),
  (m) => m.CalendarOverviewPage,
);
const newPlanPage = lazyPage(() => import('./features/calendar/PlanFormPage'), (m) => m.NewPlanPage);
const editPlanPage = lazyPage(() => import('./features/calendar/PlanFormPage'), (m) => m.EditPlanPage);
const planPage = lazyPage(() => import('./features/calendar/PlanPage'), (m) => m.PlanPage);
const municipalityCalendarPage = lazyPage(
  () => import('./features/calendar/MunicipalityCalendarPage'),
  (m) => m.MunicipalityCalendarPage,
);
const feedsPage = lazyPage(() => import('./features/calendar/FeedsPage'), (m) => m.FeedsPage);
// Raad: Raadsinformatie from Open Besluitvorming (area "council", issue #26).
const councilPage = lazyPage(() => import('./features/council/CouncilPage'), (m) => m.CouncilPage);
const councilMeetingPage = lazyPage(() => import('./features/council/MeetingPage'), (m) => m.MeetingPage);
// Strategiewijzer (area "advisor").
const advisorPage = lazyPage(() => import('./features/advisor/AdvisorPage'), (m) => m.AdvisorPage);
const adviceResultPage = lazyPage(
  () => import('./features/advisor/AdviceResultPage'),
  (m) => m.AdviceResultPage,
);
const knowledgePage = lazyPage(() => import('./features/advisor/KnowledgePage'), (m) => m.KnowledgePage);
// Cliëntfeedback (area "feedback").
const feedbackDashboardPage = lazyPage(
  () => import('./features/feedback/FeedbackDashboardPage'),
  (m) => m.FeedbackDashboardPage,
);
const surveysPage = lazyPage(() => import('./features/feedback/SurveysPage'), (m) => m.SurveysPage);
const surveyPosterPage = lazyPage(
  () => import('./features/feedback/SurveyPosterPage'),
  (m) => m.SurveyPosterPage,
);
const surveyPage = lazyPage(() => import('./features/feedback/SurveyPage'), (m) => m.SurveyPage);
const responsesPage = lazyPage(() => import('./features/feedback/ResponsesPage'), (m) => m.ResponsesPage);
// Contacten en afspraken (area "interactions").
const relationsHomePage = lazyPage(
  () => import('./features/relations/RelationsHomePage'),
  (m) => m.RelationsHomePage,
);
const newInteractionPage = lazyPage(
  () => import('./features/relations/InteractionFormPage'),
  (m) => m.NewInteractionPage,
);
const interactionPage = lazyPage(
  () => import('./features/relations/InteractionFormPage'),
  (m) => m.InteractionPage,
);
const agreementsPage = lazyPage(() => import('./features/relations/AgreementsPage'), (m) => m.AgreementsPage);
const newAgreementPage = lazyPage(
  () => import('./features/relations/AgreementFormPage'),
  (m) => m.NewAgreementPage,
);
const agreementPage = lazyPage(() => import('./features/relations/AgreementFormPage'), (m) => m.AgreementPage);
const healthPage = lazyPage(() => import('./features/relations/HealthPage'), (m) => m.HealthPage);
// Bekostiging (area "financing").
const scenariosPage = lazyPage(() => import('./features/financing/ScenariosPage'), (m) => m.ScenariosPage);
const newScenarioPage = lazyPage(() => import('./features/financing/ScenarioPage'), (m) => m.NewScenarioPage);
const scenarioPage = lazyPage(() => import('./features/financing/ScenarioPage'), (m) => m.ScenarioPage);
const scenarioPrintPage = lazyPage(
  () => import('./features/financing/PrintPage'),
  (m) => m.ScenarioPrintPage,
);
// Samenwerkingsscan en waardecasus (area "scan").
const scansPage = lazyPage(() => import('./features/scans/ScansPage'), (m) => m.ScansPage);
const newScanPage = lazyPage(() => import('./features/scans/NewScanPage'), (m) => m.NewScanPage);
const scanPage = lazyPage(() => import('./features/scans/ScanPage'), (m) => m.ScanPage);
const scanResultsPage = lazyPage(() => import('./features/scans/ResultsPage'), (m) => m.ResultsPage);
const valueCasesPage = lazyPage(() => import('./features/scans/ValueCasesPage'), (m) => m.ValueCasesPage);
const newValueCasePage = lazyPage(() => import('./features/scans/ValueCasePage'), (m) => m.NewValueCasePage);
const valueCasePage = lazyPage(() => import('./features/scans/ValueCasePage'), (m) => m.ValueCasePage);
const valueCasePrintPage = lazyPage(
  () => import('./features/scans/ValueCasePrintPage'),
  (m) => m.ValueCasePrintPage,
);
// Sociale kaart en consortium (area "social-map").
const socialMapPage = lazyPage(() => import('./features/social-map/SocialMapPage'), (m) => m.SocialMapPage);
const servicesPage = lazyPage(() => import('./features/social-map/ServicesPage'), (m) => m.ServicesPage);
const newServicePage = lazyPage(() => import('./features/social-map/ServiceFormPage'), (m) => m.NewServicePage);
const servicePage = lazyPage(() => import('./features/social-map/ServiceFormPage'), (m) => m.ServicePage);
const consortiaPage = lazyPage(() => import('./features/social-map/ConsortiaPage'), (m) => m.ConsortiaPage);
const newConsortiumPage = lazyPage(
  () => import('./features/social-map/ConsortiumFormPage'),
  (m) => m.NewConsortiumPage,
);
const editConsortiumPage = lazyPage(
  () => import('./features/social-map/ConsortiumFormPage'),
  (m) => m.EditConsortiumPage,
);
const consortiumPage = lazyPage(() => import('./features/social-map/ConsortiumPage'), (m) => m.ConsortiumPage);
// Gemeentepagina: everything about one municipality (issue #12).
const municipalityPage = lazyPage(
  () => import('./features/municipality/MunicipalityPage'),
  (m) => m.MunicipalityPage,
);
// Mijn account, and the pages reached from an e-mail (issue #23).
const accountPage = lazyPage(() => import('./features/account/AccountPage'), (m) => m.AccountPage);
const invitationPage = lazyPage(() => import('./features/account/InvitationPage'), (m) => m.InvitationPage);
const forgotPasswordPage = lazyPage(
  () => import('./features/account/ForgotPasswordPage'),
  (m) => m.ForgotPasswordPage,
);
const resetPasswordPage = lazyPage(
  () => import('./features/account/ResetPasswordPage'),
  (m) => m.ResetPasswordPage,
);
const rootRedirect = lazyPage(() => import('./features/shell/RootRedirect'), (m) => m.RootRedirect);
const noWorkspacePage = lazyPage(
  () => import('./features/shell/NoWorkspacePage'),
  (m) => m.NoWorkspacePage,
);

export const WorkspaceLayout = workspaceLayout.Component;
export const OverviewPage = overviewPage.Component;
export const AreaPage = areaPage.Component;
export const WorkspaceSettingsPage = settingsPage.Component;
export const AuditLogPage = auditLogPage.Component;
export const RootRedirect = rootRedirect.Component;
export const PeopleListPage = peopleListPage.Component;
export const AddPersonPage = addPersonPage.Component;
export const PersonPage = personPage.Component;
export const OrganisationsPage = organisationsPage.Component;
export const OrganisationPage = organisationPage.Component;
export const ImportPage = importPage.Component;
export const NoWorkspacePage = noWorkspacePage.Component;
export const CalendarOverviewPage = calendarOverviewPage.Component;
export const NewPlanPage = newPlanPage.Component;
export const EditPlanPage = editPlanPage.Component;
export const PlanPage = planPage.Component;
export const MunicipalityCalendarPage = municipalityCalendarPage.Component;
export const FeedsPage = feedsPage.Component;
export const CouncilPage = councilPage.Component;
export const CouncilMeetingPage = councilMeetingPage.Component;
export const AdvisorPage = advisorPage.Component;
export const AdviceResultPage = adviceResultPage.Component;
export const KnowledgePage = knowledgePage.Component;
export const FeedbackDashboardPage = feedbackDashboardPage.Component;
export const SurveysPage = surveysPage.Component;
export const SurveyPosterPage = surveyPosterPage.Component;
export const SurveyPage = surveyPage.Component;
export const ResponsesPage = responsesPage.Component;
export const RelationsHomePage = relationsHomePage.Component;
export const NewInteractionPage = newInteractionPage.Component;
export const InteractionPage = interactionPage.Component;
export const AgreementsPage = agreementsPage.Component;
export const NewAgreementPage = newAgreementPage.Component;
export const AgreementPage = agreementPage.Component;
export const HealthPage = healthPage.Component;
export const ScenariosPage = scenariosPage.Component;
export const NewScenarioPage = newScenarioPage.Component;
export const ScenarioPage = scenarioPage.Component;
export const ScenarioPrintPage = scenarioPrintPage.Component;
export const ScansPage = scansPage.Component;
export const NewScanPage = newScanPage.Component;
export const ScanPage = scanPage.Component;
export const ScanResultsPage = scanResultsPage.Component;
export const ValueCasesPage = valueCasesPage.Component;
export const NewValueCasePage = newValueCasePage.Component;
export const ValueCasePage = valueCasePage.Component;
export const ValueCasePrintPage = valueCasePrintPage.Component;
export const SocialMapPage = socialMapPage.Component;
export const ServicesPage = servicesPage.Component;
export const NewServicePage = newServicePage.Component;
export const ServicePage = servicePage.Component;
export const ConsortiaPage = consortiaPage.Component;
export const NewConsortiumPage = newConsortiumPage.Component;
export const EditConsortiumPage = editConsortiumPage.Component;
export const ConsortiumPage = consortiumPage.Component;
export const MunicipalityPage = municipalityPage.Component;
export const AccountPage = accountPage.Component;
export const InvitationPage = invitationPage.Component;
export const ForgotPasswordPage = forgotPasswordPage.Component;
export const ResetPasswordPage = resetPasswordPage.Component;

/**
 * Starts loading the workspace shell while the session request runs, instead of after it.
 * Called at start for /w/… and / (a signed-in person lands there), and when logging in.
 */
export function preloadWorkspaceShell(): Promise<void> {
  return Promise.all([workspaceLayout, overviewPage, rootRedirect].map((page) => page.preload())).then(
    () => undefined,
    () => undefined,
  );
}
