/**
 * Short names for the API's shapes. They are aliases of the types generated from
 * api/openapi.yaml (schema.d.ts), so a change in the contract shows up here at compile time.
 */
import type { components, operations, paths } from './schema';

type Schemas = components['schemas'];

export type ApiPath = keyof paths;
export type Role = Schemas['Role'];
export type WorkspaceKind = Schemas['WorkspaceKind'];
export type User = Schemas['User'];
export type Workspace = Schemas['Workspace'];
export type WorkspaceList = Schemas['WorkspaceList'];
export type Session = Schemas['Session'];
export type Member = Schemas['Member'];
export type MemberList = Schemas['MemberList'];
export type ApiToken = Schemas['Token'];
export type TokenList = Schemas['TokenList'];
export type CreatedApiToken = Schemas['CreatedToken'];
export type ErrorBody = Schemas['ErrorBody'];
export type LoginRequest = Schemas['LoginRequest'];
export type InvitationRequest = Schemas['InvitationRequest'];
export type Invitation = Schemas['Invitation'];
export type InvitationList = Schemas['InvitationList'];
export type InvitationSent = Schemas['InvitationSent'];
export type InvitationDetails = Schemas['InvitationDetails'];
export type AccountChange = Schemas['AccountChange'];
export type PasswordChange = Schemas['PasswordChange'];
export type SessionInfo = Schemas['SessionInfo'];
export type SessionInfoList = Schemas['SessionInfoList'];
/** The answer of GET /api/v1/account/sign-ins: recent sign-ins and refused attempts, newest first. */
export type SignInList =
  paths['/api/v1/account/sign-ins']['get']['responses']['200']['content']['application/json'];
export type SignIn = SignInList['items'][number];
export type SignInOutcome = SignIn['outcome'];
export type GroupRole = Schemas['GroupRole'];
export type WorkspaceSso = Schemas['WorkspaceSso'];
export type NotificationSettings = Schemas['NotificationSettings'];
export type DigestFrequency = NotificationSettings['digest'];
/** The answer of POST /api/v1/password-reset: whether this server can send e-mail at all. */
export type PasswordResetRequested =
  paths['/api/v1/password-reset']['post']['responses']['202']['content']['application/json'];
export type RoleChange = Schemas['RoleChange'];
export type TokenCreate = Schemas['TokenCreate'];
export type AuditLogPage = Schemas['AuditLogPage'];
export type AuditLogEntry = AuditLogPage['items'][number];

// Wie is wie
export type Municipality = Schemas['Municipality'];
export type MunicipalityList = { items: Municipality[] };
export type OrganisationKind = Schemas['OrganisationKind'];
export type Organisation = Schemas['Organisation'];
export type OrganisationList = { items: Organisation[] };
export type OrganisationCreate = Schemas['OrganisationCreate'];
export type PositionKind = Schemas['PositionKind'];
export type Quadrant = Schemas['Quadrant'];
/** The filters of the people list (GET …/people, operationId listPeople); all optional. */
export type PeopleQuery = NonNullable<operations['listPeople']['parameters']['query']>;
export type Position = Schemas['Position'];
export type PositionCreate = Schemas['PositionCreate'];
export type Assessment = Schemas['Assessment'];
export type AssessmentCreate = Schemas['AssessmentCreate'];
export type Person = Schemas['Person'];
export type PersonCreate = Schemas['PersonCreate'];
export type PersonUpdate = Schemas['PersonUpdate'];
export type PersonSummary = Schemas['PersonSummary'];
export type PersonDossier = Schemas['PersonDossier'];
export type PeoplePage =
  paths['/api/v1/workspaces/{slug}/people']['get']['responses']['200']['content']['application/json'];
export type Seats = Schemas['Seats'];
export type CouncilTerm = Schemas['CouncilTerm'];
export type CouncilTermList =
  paths['/api/v1/workspaces/{slug}/organisations/{organisation_id}/terms']['get']['responses']['200']['content']['application/json'];
export type ElectionCreate =
  paths['/api/v1/workspaces/{slug}/organisations/{organisation_id}/elections']['post']['requestBody']['content']['application/json'];
export type ElectionResult = Schemas['ElectionResult'];
export type ImportKind = Schemas['ImportKind'];
export type ImportIssue = Schemas['ImportIssue'];
export type ImportReport = Schemas['ImportReport'];
export type ImportRejection = Schemas['ImportRejection'];

export const POSITION_KINDS: readonly PositionKind[] = [
  'mayor',
  'alderman',
  'council_member',
  'citizen_member',
  'clerk',
  'municipal_secretary',
  'policy_adviser',
  'partner_role',
];
export const QUADRANTS: readonly Quadrant[] = [
  'manage_closely',
  'keep_satisfied',
  'keep_informed',
  'monitor',
];
export const ORGANISATION_KINDS: readonly OrganisationKind[] = [
  'municipality',
  'provider',
  'care_cooperative',
  'housing_corporation',
  'care_office',
  'insurer',
  'school',
  'own',
  'other',
];

export const ROLES: readonly Role[] = ['owner', 'editor', 'viewer'];

// Beleidskalender (tag "calendar")
export type PlanStatus = Schemas['PlanStatus'];
export type PolicyPhase = Schemas['PolicyPhase'];
export type Plan = Schemas['Plan'];
export type PlanCreate = Schemas['PlanCreate'];
export type PlanUpdate = Schemas['PlanUpdate'];
export type PlanList = { items: Plan[] };
export type OrganisationRef = Schemas['OrganisationRef'];
export type PlanWindow = Schemas['PlanWindow'];
export type PlanSchedule = Schemas['PlanSchedule'];
export type PlanTiming = PlanSchedule['timing'];
export type PlanDetail =
  paths['/api/v1/workspaces/{slug}/plans/{plan_id}']['get']['responses']['200']['content']['application/json'];
export type CycleEvent = Schemas['CycleEvent'];
export type CycleYear = Schemas['CycleYear'];
export type CycleDateChange = NonNullable<
  paths['/api/v1/workspaces/{slug}/organisations/{organisation_id}/cycle']['post']['requestBody']
>['content']['application/json'];
export type UpcomingItem = Schemas['UpcomingItem'];
export type UpcomingList =
  paths['/api/v1/workspaces/{slug}/calendar/upcoming']['get']['responses']['200']['content']['application/json'];
export type CalendarFeed = Schemas['CalendarFeed'];
export type CalendarFeedList = { items: CalendarFeed[] };
export type CreatedCalendarFeed = Schemas['CreatedCalendarFeed'];
export type CalendarFeedCreate = NonNullable<
  paths['/api/v1/workspaces/{slug}/calendar/feeds']['post']['requestBody']
>['content']['application/json'];

// Strategiewijzer (tag "advisor")
export type KnowledgeSource = Schemas['KnowledgeSource'];
export type Strategy = Schemas['Strategy'];
export type KnowledgeItem = Schemas['KnowledgeItem'];
export type Knowledge = Schemas['Knowledge'];
export type KnowledgeCollection = Knowledge['collections'][number];
export type AdviceRequest = Schemas['AdviceRequest'];
export type Advice = Schemas['Advice'];
export type RankedStrategy = Advice['ranked'][number];
export type AdviceReason = RankedStrategy['reasons'][number];
export type KnowledgeSetting = Schemas['KnowledgeSetting'];
export type OwnKnowledgeItem = Schemas['OwnKnowledgeItem'];
export type WorkspaceKnowledge =
  paths['/api/v1/workspaces/{slug}/knowledge']['get']['responses']['200']['content']['application/json'];
export type OwnKnowledgeItemCreate =
  paths['/api/v1/workspaces/{slug}/knowledge/items']['post']['requestBody']['content']['application/json'];
export type SavedAdvice = Schemas['SavedAdvice'];
export type SavedAdviceList = { items: SavedAdvice[] };
export type SaveAdviceRequest =
  paths['/api/v1/workspaces/{slug}/saved-advice']['post']['requestBody']['content']['application/json'];

export const PLAN_STATUSES: readonly PlanStatus[] = [
  'idea',
  'preparing',
  'proposed',
  'funded',
  'not_funded',
  'done',
];
/** The policy cycle in its order: agenda setting → preparation → decision → execution → evaluation. */
export const POLICY_PHASES: readonly PolicyPhase[] = [
  'agenda_setting',
  'preparation',
  'decision',
  'execution',
  'evaluation',
];

// Cliëntfeedback
export type Law = Schemas['Law'];
export type FeedbackChannel = Schemas['FeedbackChannel'];
export type NpsCategory = Schemas['NpsCategory'];
export type Survey = Schemas['Survey'];
export type SurveyCreate = Schemas['SurveyCreate'];
export type SurveyUpdate = Schemas['SurveyUpdate'];
export type SurveyList = { items: Survey[] };
export type FeedbackResponse = Schemas['FeedbackResponse'];
export type FeedbackResponsePage = { items: FeedbackResponse[]; has_more: boolean };
export type NpsGroup = Schemas['NpsGroup'];
export type NpsReport = Schemas['NpsReport'];
export type FeedbackTheme = Schemas['FeedbackTheme'];
export type FeedbackThemeList = { answered: number; items: FeedbackTheme[] };
export type CallbackStatus = Schemas['CallbackStatus'];
export type Callback = Schemas['Callback'];
export type CallbackUpdate = Schemas['CallbackUpdate'];
export type CallbackList = { items: Callback[] };
/** POST …/feedback/surveys/{id}/invitations (JSON): personal links, optionally mailed. */
export type InvitationBatch = Schemas['InvitationBatch'];
export type InvitationResult = Schemas['InvitationResult'];
export type NpsGroupBy = 'team' | 'service' | 'municipality' | 'law' | 'channel' | 'survey' | 'month' | 'week';
export type CallbackFilter = CallbackStatus | 'active';

export const LAWS: readonly Law[] = ['wmo', 'jeugdwet', 'wlz', 'zvw', 'none'];
export const NPS_CATEGORIES: readonly NpsCategory[] = ['detractor', 'passive', 'promoter'];
export const CALLBACK_STATUSES: readonly CallbackStatus[] = ['open', 'called', 'done', 'unreachable', 'not_needed'];

// Contacten en afspraken (tag "relations")
export type InteractionKind = Schemas['InteractionKind'];
export type Stance = Schemas['Stance'];
export type Interaction = Schemas['Interaction'];
export type InteractionWrite = Schemas['InteractionWrite'];
export type InteractionPage =
  paths['/api/v1/workspaces/{slug}/interactions']['get']['responses']['200']['content']['application/json'];
export type FollowUp = Schemas['FollowUp'];
export type FollowUpWrite = Schemas['FollowUpWrite'];
export type FollowUpList = { items: FollowUp[] };
export type AgreementStatus = Schemas['AgreementStatus'];
export type Commitment = Schemas['Commitment'];
export type Agreement = Schemas['Agreement'];
export type AgreementWrite = Schemas['AgreementWrite'];
export type AgreementList = { items: Agreement[] };
export type ThisWeek =
  paths['/api/v1/workspaces/{slug}/this-week']['get']['responses']['200']['content']['application/json'];
export type RelationshipHealth = Schemas['RelationshipHealth'];
export type HealthStatus = RelationshipHealth['status'];
export type RelationshipHealthReport =
  paths['/api/v1/workspaces/{slug}/organisations/{organisation_id}/relationship-health']['get']['responses']['200']['content']['application/json'];
export type TimelineItem = Schemas['TimelineItem'];
export type TimelineList = { items: TimelineItem[] };

export const INTERACTION_KINDS: readonly InteractionKind[] = [
  'meeting',
  'working_visit',
  'bike_tour',
  'introduction',
  'phone',
  'email',
  'event',
  'council_hearing',
  'other',
];
export const STANCES: readonly Stance[] = ['bring', 'ask', 'both', 'neither'];
export const AGREEMENT_STATUSES: readonly AgreementStatus[] = [
  'concept',
  'agreed',
  'in_progress',
  'fulfilled',
  'not_fulfilled',
  'lapsed',
];

// Bekostiging (tag "financing")
export type FinancingScenario = Schemas['FinancingScenario'];
export type FinancingVariant = FinancingScenario['variants'][number];
export type FinancingForm = FinancingVariant['form'];
export type FinancingUnit = NonNullable<FinancingScenario['population']['unit']>;
export type FinancingSummary = Schemas['FinancingSummary'];
export type FinancingVariantSummary = FinancingSummary['variants'][number];
export type FinancingDistribution = Schemas['FinancingDistribution'];
export type SavedFinancingScenario = Schemas['SavedFinancingScenario'];
export type SavedFinancingScenarioWrite = Schemas['SavedFinancingScenarioWrite'];
export type SavedFinancingScenarioList = { items: SavedFinancingScenario[] };
export type FinancingExportFormat = 'csv' | 'xlsx' | 'svg';
export type FinancingChartOutput = 'margin' | 'revenue' | 'spending' | 'cost_per_client' | 'cost_per_result';

export const FINANCING_FORMS: readonly FinancingForm[] = ['effort_based', 'output_based', 'task_based', 'combined'];
export const FINANCING_UNITS: readonly FinancingUnit[] = ['minute', 'hour', 'day_part', 'day', 'piece'];

// Samenwerkingsscan en waardecasus (tag "scans")
export type ScanTemplates = Schemas['ScanTemplates'];
export type ScanTemplate = ScanTemplates['items'][number];
export type ScanDimension = ScanTemplate['dimensions'][number];
export type ScanStatement = ScanDimension['statements'][number];
export type ScanText = Schemas['ScanText'];
export type Scan = Schemas['Scan'];
export type ScanWrite = Schemas['ScanWrite'];
export type ScanList = { items: Scan[] };
export type ScanRespondent = Schemas['ScanRespondent'];
export type ScanRespondentList = { items: ScanRespondent[] };
export type ScanInvite =
  paths['/api/v1/workspaces/{slug}/scans/{scan_id}/respondents']['post']['requestBody']['content']['application/json'];
export type ScanInvitation =
  paths['/api/v1/workspaces/{slug}/scans/{scan_id}/respondents']['post']['responses']['201']['content']['application/json'];
export type ScanResults = Schemas['ScanResults'];

// Links mailed from the app (scan respondents, personal survey links)
export type LinkMailLanguage = Schemas['LinkMailLanguage'];
export type LinkMailStatus = Schemas['LinkMailStatus'];
export type ScanStatementResult = ScanResults['statements'][number];
export type ValueCaseJudgement = Schemas['ValueCaseJudgement'];
export type ValueCaseLight = NonNullable<ValueCaseJudgement['light']>;
export type ValueCaseWrite = Schemas['ValueCaseWrite'];
export type ValueCase = Schemas['ValueCase'];
export type ValueCaseFigures = ValueCase['figures'];
export type ValueCaseList = { items: ValueCase[] };

export const VALUE_CASE_LIGHTS: readonly ValueCaseLight[] = ['green', 'amber', 'red', 'none'];

// Sociale kaart en consortium (tag "social-map")
export type ServiceDomain = Schemas['ServiceDomain'];
export type ServiceLaw = Schemas['ServiceLaw'];
export type SocialArea = Schemas['Area'];
export type SocialAreaList = { items: SocialArea[] };
export type SocialAreaWrite =
  paths['/api/v1/workspaces/{slug}/areas']['post']['requestBody']['content']['application/json'];
export type SocialService = Schemas['Service'];
export type SocialServiceWrite = Schemas['ServiceWrite'];
export type SocialServiceList = { items: SocialService[] };
export type Coverage = Schemas['Coverage'];
export type CoverageCell = Coverage['cells'][number];
export type Consortium = Schemas['Consortium'];
export type ConsortiumWrite = Schemas['ConsortiumWrite'];
export type ConsortiumList = { items: Consortium[] };
export type ConsortiumOffer = Schemas['ConsortiumOffer'];
export type ConsortiumShare =
  paths['/api/v1/workspaces/{slug}/consortia/{consortium_id}/share']['post']['responses']['201']['content']['application/json'];

export const SERVICE_DOMAINS: readonly ServiceDomain[] = [
  'wmo_support',
  'household_help',
  'youth_care',
  'district_nursing',
  'welfare',
  'debt_help',
  'housing',
  'carer_support',
  'daytime_activities',
  'other',
];
export const SERVICE_LAWS: readonly ServiceLaw[] = ['wmo', 'jeugdwet', 'wlz', 'zvw', 'free'];

// Overzicht en zoeken (tags "overview" and "search")
export type Overview = Schemas['Overview'];
export type OverviewItem = Overview['items'][number];
export type OverviewModule = OverviewItem['module'];
export type OverviewFigures = Overview['figures'];
export type OverviewNps = Schemas['OverviewNps'];
export type OverviewHide =
  paths['/api/v1/workspaces/{slug}/overview/hidden']['post']['requestBody']['content']['application/json'];
export type SearchResults =
  paths['/api/v1/workspaces/{slug}/search']['get']['responses']['200']['content']['application/json'];
export type SearchGroup = SearchResults['groups'][number];
export type SearchKind = SearchGroup['kind'];
export type SearchHit = SearchGroup['items'][number];
export type SearchLimit = NonNullable<paths['/api/v1/workspaces/{slug}/search']['get']['parameters']['query']['limit']>;
