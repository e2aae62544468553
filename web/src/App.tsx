import { Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Loading } from './components/Loading';
import { RouteFocus } from './components/RouteFocus';
import { I18nProvider } from './i18n/I18nProvider';
import { AccountLanguage } from './features/auth/AccountLanguage';
import { LoginPage } from './features/auth/LoginPage';
import { RequireSession } from './features/auth/RequireSession';
import { SessionProvider } from './features/auth/session';
import { NotFoundPage } from './features/shell/NotFoundPage';
import { PublicLayout } from './features/shell/PublicLayout';
import {
  AccountPage,
  ForgotPasswordPage,
  InvitationPage,
  ResetPasswordPage,
  AddPersonPage,
  AdviceResultPage,
  AgreementPage,
  AgreementsPage,
  HealthPage,
  InteractionPage,
  NewAgreementPage,
  NewInteractionPage,
  RelationsHomePage,
  NewScenarioPage,
  ScenarioPage,
  ScenarioPrintPage,
  ScenariosPage,
  NewScanPage,
  NewValueCasePage,
  ScanPage,
  ScanResultsPage,
  ScansPage,
  ValueCasePage,
  ValueCasePrintPage,
  ValueCasesPage,
  SocialMapPage,
  ServicesPage,
  NewServicePage,
  ServicePage,
  ConsortiaPage,
  NewConsortiumPage,
  EditConsortiumPage,
  ConsortiumPage,
  AdvisorPage,
  AreaPage,
  AuditLogPage,
  CalendarOverviewPage,
  CouncilMeetingPage,
  CouncilPage,
  EditPlanPage,
  FeedbackDashboardPage,
  FeedsPage,
  ImportPage,
  KnowledgePage,
  MunicipalityCalendarPage,
  MunicipalityPage,
  NewPlanPage,
  NoWorkspacePage,
  OrganisationPage,
  OrganisationsPage,
  OverviewPage,
  PeopleListPage,
  PersonPage,
  PlanPage,
  ResponsesPage,
  RootRedirect,
  SurveyPage,
  SurveyPosterPage,
  SurveysPage,
  WorkspaceLayout,
  WorkspaceSettingsPage,
} from './lazyPages';

function ShellFallback() {
  return (
    <PublicLayout busy>
      <Loading />
    </PublicLayout>
  );
}

export function AppRoutes() {
  return (
    <Suspense fallback={<ShellFallback />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        {/* Reached from an e-mail; the link's secret is after "#", so it never reaches a log. */}
        <Route path="/invitation" element={<InvitationPage />} />
        <Route path="/password/forgot" element={<ForgotPasswordPage />} />
        <Route path="/password/reset" element={<ResetPasswordPage />} />
        <Route
          path="/account"
          element={
            <RequireSession>
              <AccountPage />
            </RequireSession>
          }
        />
        <Route
          path="/"
          element={
            <RequireSession>
              <RootRedirect />
            </RequireSession>
          }
        />
        <Route
          path="/no-workspace"
          element={
            <RequireSession>
              <NoWorkspacePage />
            </RequireSession>
          }
        />
        <Route
          path="/w/:slug"
          element={
            <RequireSession>
              <WorkspaceLayout />
            </RequireSession>
          }
        >
          <Route index element={<OverviewPage />} />
          <Route path="settings" element={<WorkspaceSettingsPage />} />
          <Route path="settings/audit-log" element={<AuditLogPage />} />
          <Route path="people" element={<PeopleListPage />} />
          <Route path="people/new" element={<AddPersonPage />} />
          <Route path="people/import" element={<ImportPage />} />
          <Route path="people/organisations" element={<OrganisationsPage />} />
          <Route path="people/organisations/:organisationId" element={<OrganisationPage />} />
          <Route path="people/:personId" element={<PersonPage />} />
          <Route path="policy-calendar" element={<CalendarOverviewPage />} />
          <Route path="policy-calendar/plans/new" element={<NewPlanPage />} />
          <Route path="policy-calendar/plans/:planId" element={<PlanPage />} />
          <Route path="policy-calendar/plans/:planId/edit" element={<EditPlanPage />} />
          <Route
            path="policy-calendar/municipalities/:organisationId"
            element={<MunicipalityCalendarPage />}
          />
          <Route path="policy-calendar/feeds" element={<FeedsPage />} />
          <Route path="council" element={<CouncilPage />} />
          <Route path="council/meetings/:meetingId" element={<CouncilMeetingPage />} />
          <Route path="advisor" element={<AdvisorPage />} />
          <Route path="advisor/result" element={<AdviceResultPage />} />
          <Route path="advisor/knowledge" element={<KnowledgePage />} />
          <Route path="feedback" element={<FeedbackDashboardPage />} />
          <Route path="feedback/surveys" element={<SurveysPage />} />
          <Route path="feedback/surveys/:surveyId" element={<SurveyPage />} />
          <Route path="feedback/surveys/:surveyId/poster" element={<SurveyPosterPage />} />
          <Route path="feedback/responses" element={<ResponsesPage />} />
          <Route path="interactions" element={<RelationsHomePage />} />
          <Route path="interactions/new" element={<NewInteractionPage />} />
          <Route path="interactions/agreements" element={<AgreementsPage />} />
          <Route path="interactions/agreements/new" element={<NewAgreementPage />} />
          <Route path="interactions/agreements/:agreementId" element={<AgreementPage />} />
          <Route path="interactions/organisations/:organisationId" element={<HealthPage />} />
          <Route path="interactions/:interactionId" element={<InteractionPage />} />
          <Route path="financing" element={<ScenariosPage />} />
          <Route path="financing/new" element={<NewScenarioPage />} />
          <Route path="financing/:scenarioId" element={<ScenarioPage />} />
          <Route path="financing/:scenarioId/print" element={<ScenarioPrintPage />} />
          <Route path="scan" element={<ScansPage />} />
          <Route path="scan/new" element={<NewScanPage />} />
          <Route path="scan/value-cases" element={<ValueCasesPage />} />
          <Route path="scan/value-cases/new" element={<NewValueCasePage />} />
          <Route path="scan/value-cases/:valueCaseId" element={<ValueCasePage />} />
          <Route path="scan/value-cases/:valueCaseId/print" element={<ValueCasePrintPage />} />
          <Route path="scan/:scanId" element={<ScanPage />} />
          <Route path="scan/:scanId/results" element={<ScanResultsPage />} />
          <Route path="social-map" element={<SocialMapPage />} />
          <Route path="social-map/services" element={<ServicesPage />} />
          <Route path="social-map/services/new" element={<NewServicePage />} />
          <Route path="social-map/services/:serviceId" element={<ServicePage />} />
          <Route path="social-map/consortia" element={<ConsortiaPage />} />
          <Route path="social-map/consortia/new" element={<NewConsortiumPage />} />
          <Route path="social-map/consortia/:consortiumId" element={<ConsortiumPage />} />
          <Route path="social-map/consortia/:consortiumId/edit" element={<EditConsortiumPage />} />
          <Route path="municipalities/:organisationId" element={<MunicipalityPage />} />
          <Route path=":area" element={<AreaPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}

export function App() {
  return (
    <I18nProvider>
      <ErrorBoundary>
        <SessionProvider>
          <AccountLanguage />
          <BrowserRouter>
            <RouteFocus />
            <AppRoutes />
          </BrowserRouter>
        </SessionProvider>
      </ErrorBoundary>
    </I18nProvider>
  );
}
