/**
 * The one API client. Every call goes through `request`, which
 * - sends cookies (same origin), `Accept-Language` with the UI language and, on POST/PUT/PATCH/DELETE,
 *   the `X-CSRF-Token` from the session;
 * - turns every failure (non-2xx, bad JSON, no network) into an `ApiError`.
 * Types come from `schema.d.ts`, generated from `api/openapi.yaml` (see `npm run generate:api`).
 */
import { currentLanguage, translate } from '../i18n/i18n';
import type {
  Advice,
  AdviceRequest,
  ApiPath,
  Assessment,
  AssessmentCreate,
  CalendarFeedCreate,
  CalendarFeedList,
  CreatedCalendarFeed,
  CycleDateChange,
  CycleYear,
  CouncilTermList,
  CreatedApiToken,
  ElectionCreate,
  ElectionResult,
  ErrorBody,
  ImportKind,
  ImportReport,
  Knowledge,
  KnowledgeSetting,
  LoginRequest,
  OwnKnowledgeItem,
  OwnKnowledgeItemCreate,
  SaveAdviceRequest,
  SavedAdvice,
  SavedAdviceList,
  WorkspaceKnowledge,
  Member,
  MemberList,
  MunicipalityList,
  Organisation,
  OrganisationCreate,
  OrganisationList,
  PeoplePage,
  Person,
  PersonCreate,
  Plan,
  PlanCreate,
  PlanDetail,
  PlanList,
  PlanUpdate,
  PersonDossier,
  PersonUpdate,
  Position,
  PositionCreate,
  Role,
  RoleChange,
  Session,
  TokenCreate,
  TokenList,
  UpcomingList,
  Workspace,
  WorkspaceList,
  Callback,
  CallbackFilter,
  CallbackList,
  CallbackUpdate,
  FeedbackResponsePage,
  FeedbackThemeList,
  NpsCategory,
  NpsGroupBy,
  NpsReport,
  Survey,
  SurveyCreate,
  SurveyList,
  SurveyUpdate,
  Agreement,
  AgreementList,
  AgreementWrite,
  FollowUp,
  FollowUpList,
  FollowUpWrite,
  Interaction,
  InteractionPage,
  InteractionWrite,
  RelationshipHealthReport,
  ThisWeek,
  TimelineList,
  FinancingExportFormat,
  FinancingScenario,
  FinancingSummary,
  SavedFinancingScenario,
  SavedFinancingScenarioList,
  SavedFinancingScenarioWrite,
  FinancingChartOutput,
  Scan,
  ScanInvitation,
  ScanInvite,
  ScanList,
  ScanRespondentList,
  ScanResults,
  ScanTemplates,
  ScanWrite,
  ValueCase,
  ValueCaseList,
  ValueCaseWrite,
  Consortium,
  ConsortiumList,
  ConsortiumOffer,
  ConsortiumShare,
  ConsortiumWrite,
  Coverage,
  ServiceDomain,
  ServiceLaw,
  SocialAreaList,
  SocialAreaWrite,
  SocialService,
  SocialServiceList,
  SocialServiceWrite,
  Overview,
  OverviewHide,
  SearchLimit,
  SearchResults,
} from './types';

/** A failed API call: HTTP status (0 when the server could not be reached), code and message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;
  /** The whole parsed error body, for answers that carry more than `error` (an import report). */
  readonly body: unknown;

  constructor(
    status: number,
    code: string,
    message: string,
    fields: Record<string, string> = {},
    body: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.body = body;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

let csrfToken: string | null = null;

/** Remembers the CSRF token from the session response; cleared on logout. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Listener = (error: ApiError) => void;
const unauthenticatedListeners = new Set<Listener>();

/** Called when a request outside /session gets 401: the session ended (expired or logged out). */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, with this Content-Type (file uploads). */
  raw?: { content: Blob | string; contentType: string };
  signal?: AbortSignal;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's error page, an empty body): fall back to a generic message below.
  }
  if (isErrorBody(body)) {
    const fields: Record<string, string> = {};
    for (const [name, message] of Object.entries(body.error.fields ?? {})) {
      if (typeof message === 'string') fields[name] = message;
    }
    return new ApiError(response.status, body.error.code, body.error.message, fields, body);
  }
  const language = currentLanguage();
  const message =
    response.status >= 500
      ? translate(language, 'errors.server', { status: response.status })
      : translate(language, 'errors.unexpected', { status: response.status });
  return new ApiError(response.status, `http_${response.status}`, message);
}

/** Sends one request to the API and returns the parsed JSON body (undefined for 204). */
export async function request<T>(
  method: Method,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  else if (options.raw) headers['Content-Type'] = options.raw.contentType;
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body !== undefined ? JSON.stringify(options.body) : options.raw?.content,
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', translate(currentLanguage(), 'errors.network'));
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (error.status === 401 && !path.startsWith('/api/v1/session')) {
      for (const listener of unauthenticatedListeners) listener(error);
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiError(
      response.status,
      'invalid_response',
      translate(currentLanguage(), 'errors.invalidResponse'),
    );
  }
}

/**
 * Sends one request like `request`, but hands back the response itself (for a stream) once it
 * is known to be 2xx; `accept` sets the Accept header. Failures are the same `ApiError`s.
 */
export async function requestRaw(
  method: Method,
  path: string,
  accept: string,
  options: RequestOptions = {},
): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept, 'Accept-Language': currentLanguage() };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', translate(currentLanguage(), 'errors.network'));
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (error.status === 401) for (const listener of unauthenticatedListeners) listener(error);
    throw error;
  }
  return response;
}

/** The ApiError of an `{error: {code, message, fields}}` body that came some other way (a stream event). */
export function apiErrorFromBody(status: number, body: unknown): ApiError | null {
  if (!isErrorBody(body)) return null;
  const fields: Record<string, string> = {};
  for (const [name, message] of Object.entries(body.error.fields ?? {})) {
    if (typeof message === 'string') fields[name] = message;
  }
  return new ApiError(status, body.error.code, body.error.message, fields, body);
}

/**
 * Fills `{name}` in a path of the spec. Typed against the generated `paths`, so calling a path
 * that is not in api/openapi.yaml does not compile.
 */
export function apiPath(template: ApiPath, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`apiPath: no value for {${name}} in ${template}`);
    return encodeURIComponent(String(value));
  });
}

export type QueryValue = string | number | boolean | null | undefined;

/** Adds a query string; leaves out parameters that are undefined, null or empty. */
export function withQuery(path: string, params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(name, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** Filters of the people list (GET …/people); all optional. */
export interface PeopleQuery {
  q?: string;
  organisation_id?: number;
  kind?: string;
  party?: string;
  domain?: string;
  quadrant?: string;
  limit?: number;
  offset?: number;
}

/** Filters of the feedback responses (GET …/feedback/responses); all optional. */
export interface FeedbackResponseQuery {
  survey_id?: number;
  category?: NpsCategory;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

/** Period and grouping of the NPS report (GET …/feedback/nps). */
export interface NpsQuery {
  group_by?: NpsGroupBy;
  from?: string;
  to?: string;
  survey_id?: number;
}

/** Filters of the interactions list (GET …/interactions); all optional. */
export interface InteractionQuery {
  organisation_id?: number;
  person_id?: number;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

/** Filters of the services list (GET …/services); all optional. */
export interface ServiceQuery {
  organisation_id?: number;
  municipality_code?: string;
  domain?: ServiceDomain;
  published?: 'true' | 'false';
}

/** Filters of the coverage matrix (GET …/social-map/coverage). */
export interface CoverageQuery {
  municipality_code: string;
  domain?: ServiceDomain;
  law?: ServiceLaw;
  published?: 'true' | 'false';
}

/** The endpoints of api/openapi.yaml that the web app uses. */
export const api = {
  // Overzicht en zoeken
  getOverview: (slug: string, signal?: AbortSignal) =>
    request<Overview>('GET', apiPath('/api/v1/workspaces/{slug}/overview', { slug }), { signal }),
  hideOverviewItem: (slug: string, body: OverviewHide) =>
    request<void>('POST', apiPath('/api/v1/workspaces/{slug}/overview/hidden', { slug }), {
      body: body satisfies OverviewHide,
    }),
  unhideOverviewItem: (slug: string, key: string) =>
    request<void>('DELETE', apiPath('/api/v1/workspaces/{slug}/overview/hidden/{key}', { slug, key })),
  search: (slug: string, q: string, limit: SearchLimit = 5, signal?: AbortSignal) =>
    request<SearchResults>(
      'GET',
      withQuery(apiPath('/api/v1/workspaces/{slug}/search', { slug }), { q, limit }),
      { signal },
    ),
  // Sociale kaart en consortium
  listSocialAreas: (slug: string, municipalityCode: string | undefined, signal?: AbortSignal) =>
    request<SocialAreaList>(
      'GET',
      withQuery(apiPath('/api/v1/workspaces/{slug}/areas', { slug }), { municipality_code: municipalityCode }),
      { signal },
    ),
  saveSocialAreas: (slug: string, body: SocialAreaWrite) =>
    request<{ saved: number }>('POST', apiPath('/api/v1/workspaces/{slug}/areas', { slug }), {
      body: body satisfies SocialAreaWrite,
    }),
  uploadSocialAreas: (slug: string, file: Blob) =>
    request<{ saved: number }>('POST', apiPath('/api/v1/workspaces/{slug}/areas', { slug }), {
      raw: { content: file, contentType: 'text/csv' },
    }),
  deleteSocialArea: (slug: string, code: string) =>
    request<void>('DELETE', apiPath('/api/v1/workspaces/{slug}/areas/{code}', { slug, code })),
  listServices: (slug: string, query: ServiceQuery, signal?: AbortSignal) =>
    request<SocialServiceList>(
      'GET',
      withQuery(apiPath('/api/v1/workspaces/{slug}/services', { slug }), { ...query }),
      { signal },
    ),
  addService: (slug: string, body: SocialServiceWrite) =>
    request<SocialService>('POST', apiPath('/api/v1/workspaces/{slug}/services', { slug }), {
      body: body satisfies SocialServiceWrite,
    }),
  importServices: (slug: string, file: Blob) =>
    request<{ imported: number }>('POST', apiPath('/api/v1/workspaces/{slug}/services/import', { slug }), {
      raw: { content: file, contentType: 'text/csv' },
    }),
  getService: (slug: string, id: number, signal?: AbortSignal) =>
    request<SocialService>(
      'GET',
      apiPath('/api/v1/workspaces/{slug}/services/{service_id}', { slug, service_id: id }),
      { signal },
    ),
  replaceService: (slug: string, id: number, body: SocialServiceWrite) =>
    request<SocialService>(
      'PUT',
      apiPath('/api/v1/workspaces/{slug}/services/{service_id}', { slug, service_id: id }),
      { body: body satisfies SocialServiceWrite },
    ),
  deleteService: (slug: string, id: number) =>
    request<void>('DELETE', apiPath('/api/v1/workspaces/{slug}/services/{service_id}', { slug, service_id: id })),
  getCoverage: (slug: string, query: CoverageQuery, signal?: AbortSignal) =>
    request<Coverage>(
      'GET',
      withQuery(apiPath('/api/v1/workspaces/{slug}/social-map/coverage', { slug }), { ...query }),
      { signal },
    ),
  listConsortia: (slug: string, signal?: AbortSignal) =>
    request<ConsortiumList>('GET', apiPath('/api/v1/workspaces/{slug}/consortia', { slug }), { signal }),
  addConsortium: (slug: string, body: ConsortiumWrite) =>
    request<Consortium>('POST', apiPath('/api/v1/workspaces/{slug}/consortia', { slug }), {
      body: body satisfies ConsortiumWrite,
    }),
  getConsortium: (slug: string, id: number, signal?: AbortSignal) =>
    request<Consortium>(
      'GET',
      apiPath('/api/v1/workspaces/{slug}/consortia/{consortium_id}', { slug, consortium_id: id }),
      { signal },
    ),
  replaceConsortium: (slug: string, id: number, body: ConsortiumWrite) =>
    request<Consortium>(
      'PUT',
      apiPath('/api/v1/workspaces/{slug}/consortia/{consortium_id}', { slug, consortium_id: id }),
      { body: body satisfies ConsortiumWrite },
    ),
  deleteConsortium: (slug: string, id: number) =>
    request<void>(
      'DELETE',
      apiPath('/api/v1/workspaces/{slug}/consortia/{consortium_id}', { slug, consortium_id: id }),
    ),
  getConsortiumOffer: (slug: string, id: number, signal?: AbortSignal) =>
    request<ConsortiumOffer>(
      'GET',
      apiPath('/api/v1/workspaces/{slug}/consortia/{consortium_id}/offer', { slug, consortium_id: id }),
      { signal },
    ),
  shareConsortium: (slug: string, id: number) =>
    request<ConsortiumShare>(
      'POST',
      apiPath('/api/v1/workspaces/{slug}/consortia/{consortium_id}/share', { slug, consortium_id: id }),
    ),
  unshareConsortium: (slug: string, id: number) =>
    request<void>(
      'DELETE',
      apiPath('/api/v1/workspaces/{slug}/consortia/{consortium_id}/share', { slug, consortium_id: id }),
    ),

  // Samenwerkingsscan en waardecasus
  listScanTemplates: (slug: string, signal?: AbortSignal) =>
    request<ScanTemplates>('GET', apiPath('/api/v1/workspaces/{slug}/scan-templates', { slug }), { signal }),
  listScans: (slug: string, signal?: AbortSignal) =>
    request<ScanList>('GET', apiPath('/api/v1/workspaces/{slug}/scans', { slug }), { signal }),
  addScan: (slug: string, body: ScanWrite) =>
    request<Scan>('POST', apiPath('/api/v1/workspaces/{slug}/scans', { slug }), { body: body satisfies ScanWrite }),
  getScan: (slug: string, id: number, signal?: AbortSignal) =>
    request<Scan>('GET', apiPath('/api/v1/workspaces/{slug}/scans/{scan_id}', { slug, scan_id: id }), { signal }),
  updateScan: (slug: string, id: number, body: ScanWrite) =>
    request<Scan>('PATCH', apiPath('/api/v1/workspaces/{slug}/scans/{scan_id}', { slug, scan_id: id }), {
      body: body satisfies ScanWrite,
    }),
  deleteScan: (slug: string, id: number) =>
    request<void>('DELETE', apiPath('/api/v1/workspaces/{slug}/scans/{scan_id}', { slug, scan_id: id })),
  repeatScan: (slug: string, id: number, title?: string) =>
    request<Scan>('POST', apiPath('/api/v1/workspaces/{slug}/scans/{scan_id}/repeat', { slug, scan_id: id }), {
      body: title ? { title } : {},
    }),
  listScanRespondents: (slug: string, id: number, signal?: AbortSignal) =>
    request<ScanRespondentList>(
      'GET',
      apiPath('/api/v1/workspaces/{slug}/scans/{scan_id}/respondents', { slug, scan_id: id }),
      { signal },
    ),
  inviteScanRespondents: (slug: string, id: number, body: ScanInvite) =>
    request<ScanInvitation>(
      'POST',
      apiPath('/api/v1/workspaces/{slug}/scans/{scan_id}/respondents', { slug, scan_id: id }),
      { body: body satisfies ScanInvite },
    ),
  revokeScanRespondent: (slug: string, id: number, respondentId: number) =>
    request<void>(
      'DELETE',
      apiPath('/api/v1/workspaces/{slug}/scans/{scan_id}/respondents/{respondent_id}', {
        slug,
        scan_id: id,
        respondent_id: respondentId,
      }),
    ),
  getScanResults: (slug: string, id: number, signal?: AbortSignal) =>
    request<ScanResults>('GET', apiPath('/api/v1/workspaces/{slug}/scans/{scan_id}/results', { slug, scan_id: id }), {
      signal,
    }),
  agreementFromScan: (slug: string, id: number, statementId: string) =>
    request<Agreement>('POST', apiPath('/api/v1/workspaces/{slug}/scans/{scan_id}/agreements', { slug, scan_id: id }), {
      body: { statement_id: statementId },
    }),
  listValueCases: (slug: string, signal?: AbortSignal) =>
    request<ValueCaseList>('GET', apiPath('/api/v1/workspaces/{slug}/value-cases', { slug }), { signal }),
  getValueCase: (slug: string, id: number, signal?: AbortSignal) =>
    request<ValueCase>(
      'GET',
      apiPath('/api/v1/workspaces/{slug}/value-cases/{value_case_id}', { slug, value_case_id: id }),
      { signal },
    ),
  addValueCase: (slug: string, body: ValueCaseWrite) =>
    request<ValueCase>('POST', apiPath('/api/v1/workspaces/{slug}/value-cases', { slug }), {
      body: body satisfies ValueCaseWrite,
    }),
  replaceValueCase: (slug: string, id: number, body: ValueCaseWrite) =>
    request<ValueCase>(
      'PUT',
      apiPath('/api/v1/workspaces/{slug}/value-cases/{value_case_id}', { slug, value_case_id: id }),
      { body: body satisfies ValueCaseWrite },
    ),
  deleteValueCase: (slug: string, id: number) =>
    request<void>(
      'DELETE',
      apiPath('/api/v1/workspaces/{slug}/value-cases/{value_case_id}', { slug, value_case_id: id }),
    ),

  // Bekostiging
  simulateFinancing: (slug: string, scenario: FinancingScenario, signal?: AbortSignal) =>
    request<FinancingSummary>('POST', apiPath('/api/v1/workspaces/{slug}/financing/simulations', { slug }), {
      body: scenario satisfies FinancingScenario,
      signal,
    }),
  listFinancingScenarios: (
    slug: string,
    query: { municipality_code?: string; plan_id?: number } = {},
    signal?: AbortSignal,
  ) =>
    request<SavedFinancingScenarioList>(
      'GET',
      withQuery(apiPath('/api/v1/workspaces/{slug}/financing/scenarios', { slug }), { ...query }),
      { signal },
    ),
  getFinancingScenario: (slug: string, id: number, signal?: AbortSignal) =>
    request<SavedFinancingScenario>(
      'GET',
      apiPath('/api/v1/workspaces/{slug}/financing/scenarios/{scenario_id}', { slug, scenario_id: id }),
      { signal },
    ),
  saveFinancingScenario: (slug: string, body: SavedFinancingScenarioWrite) =>
    request<SavedFinancingScenario>('POST', apiPath('/api/v1/workspaces/{slug}/financing/scenarios', { slug }), {
      body: body satisfies SavedFinancingScenarioWrite,
    }),
  replaceFinancingScenario: (slug: string, id: number, body: SavedFinancingScenarioWrite) =>
    request<SavedFinancingScenario>(
      'PUT',
      apiPath('/api/v1/workspaces/{slug}/financing/scenarios/{scenario_id}', { slug, scenario_id: id }),
      { body: body satisfies SavedFinancingScenarioWrite },
    ),
  deleteFinancingScenario: (slug: string, id: number) =>
    request<void>(
      'DELETE',
      apiPath('/api/v1/workspaces/{slug}/financing/scenarios/{scenario_id}', { slug, scenario_id: id }),
    ),

  // Contacten en afspraken
  listInteractions: (slug: string, query: InteractionQuery, signal?: AbortSignal) =>
    request<InteractionPage>(
      'GET',
      withQuery(apiPath('/api/v1/workspaces/{slug}/interactions', { slug }), { ...query }),
      { signal },
    ),
  getInteraction: (slug: string, id: number, signal?: AbortSignal) =>
    request<Interaction>(
      'GET',
      apiPath('/api/v1/workspaces/{slug}/interactions/{interaction_id}', { slug, interaction_id: id }),
      { signal },
    ),
  addInteraction: (slug: string, body: InteractionWrite) =>
    request<Interaction>('POST', apiPath('/api/v1/workspaces/{slug}/interactions', { slug }), {
      body: body satisfies InteractionWrite,
    }),
  updateInteraction: (slug: string, id: number, body: InteractionWrite) =>
    request<Interaction>(
      'PATCH',
      apiPath('/api/v1/workspaces/{slug}/interactions/{interaction_id}', { slug, interaction_id: id }),
      { body: body satisfies InteractionWrite },
    ),
  deleteInteraction: (slug: string, id: number) =>
    request<void>(
      'DELETE',
      apiPath('/api/v1/workspaces/{slug}/interactions/{interaction_id}', { slug, interaction_id: id }),
    ),
  listFollowUps: (slug: string, open: boolean | undefined, signal?: AbortSignal) =>
    request<FollowUpList>(
      'GET',
      withQuery(apiPath('/api/v1/workspaces/{slug}/follow-ups', { slug }), {
        open: open === undefined ? undefined : String(open),
      }),
      { signal },
    ),
  addFollowUp: (slug: string, body: FollowUpWrite) =>
    request<FollowUp>('POST', apiPath('/api/v1/workspaces/{slug}/follow-ups', { slug }), {
      body: body satisfies FollowUpWrite,
    }),
  updateFollowUp: (slug: string, id: number, body: FollowUpWrite) =>
    request<FollowUp>(
      'PATCH',
      apiPath('/api/v1/workspaces/{slug}/follow-ups/{follow_up_id}', { slug, follow_up_id: id }),
      { body: body satisfies FollowUpWrite },
    ),
  deleteFollowUp: (slug: string, id: number) =>
    request<void>(
      'DELETE',
      apiPath('/api/v1/workspaces/{slug}/follow-ups/{follow_up_id}', { slug, follow_up_id: id }),
    ),
  listAgreements: (slug: string, organisationId: number | undefined, signal?: AbortSignal) =>
    request<AgreementList>(
      'GET',
      withQuery(apiPath('/api/v1/workspaces/{slug}/agreements', { slug }), { organisation_id: organisationId }),
      { signal },
    ),
  getAgreement: (slug: string, id: number, signal?: AbortSignal) =>
    request<Agreement>(
      'GET',
      apiPath('/api/v1/workspaces/{slug}/agreements/{agreement_id}', { slug, agreement_id: id }),
      { signal },
    ),
  addAgreement: (slug: string, body: AgreementWrite) =>
    request<Agreement>('POST', apiPath('/api/v1/workspaces/{slug}/agreements', { slug }), {
      body: body satisfies AgreementWrite,
    }),
  updateAgreement: (slug: string, id: number, body: AgreementWrite) =>
    request<Agreement>(
      'PATCH',
      apiPath('/api/v1/workspaces/{slug}/agreements/{agreement_id}', { slug, agreement_id: id }),
      { body: body satisfies AgreementWrite },
    ),
  deleteAgreement: (slug: string, id: number) =>
    request<void>(
      'DELETE',
      apiPath('/api/v1/workspaces/{slug}/agreements/{agreement_id}', { slug, agreement_id: id }),
    ),
  getThisWeek: (slug: string, signal?: AbortSignal) =>
    request<ThisWeek>('GET', apiPath('/api/v1/workspaces/{slug}/this-week', { slug }), { signal }),
  getRelationshipHealth: (slug: string, organisationId: number, signal?: AbortSignal) =>
    request<RelationshipHealthReport>(
      'GET',
      apiPath('/api/v1/workspaces/{slug}/organisations/{organisation_id}/relationship-health', {
        slug,
        organisation_id: organisationId,
      }),
      { signal },
    ),
  getTimeline: (slug: string, query: { organisation_id?: number; person_id?: number }, signal?: AbortSignal) =>
    request<TimelineList>(
      'GET',
      withQuery(apiPath('/api/v1/workspaces/{slug}/timeline', { slug }), { ...query }),
      { signal },
    ),

  getSession: (signal?: AbortSignal) =>
    request<Session>('GET', apiPath('/api/v1/session'), { signal }),
  login: (email: string, password: string) =>
    request<Session>('POST', apiPath('/api/v1/session'), {
      body: { email, password } satisfies LoginRequest,
    }),
  logout: () => request<void>('DELETE', apiPath('/api/v1/session')),

  listWorkspaces: (signal?: AbortSignal) =>
    request<WorkspaceList>('GET', apiPath('/api/v1/workspaces'), { signal }),
  getWorkspace: (slug: string, signal?: AbortSignal) =>
    request<Workspace>('GET', apiPath('/api/v1/workspaces/{slug}', { slug }), { signal }),

  listMembers: (slug: string, signal?: AbortSignal) =>
    request<MemberList>('GET', apiPath('/api/v1/workspaces/{slug}/members', { slug }), {
      signal,
    }),
  changeRole: (slug: string, userId: number, role: Role) =>
    request<Member>(
      'PATCH',
      apiPath('/api/v1/workspaces/{slug}/members/{user_id}', { slug, user_id: userId }),
      { body: { role } satisfies RoleChange },
    ),
  removeMember: (slug: string, userId: number) =>
    request<void>(
      'DELETE',
      apiPath('/api/v1/workspaces/{slug}/members/{user_id}', { slug, user_id: userId }),
    ),

  listTokens: (slug: string, signal?: AbortSignal) =>
    request<TokenList>('GET', apiPath('/api/v1/workspaces/{slug}/tokens', { slug }), { signal }),
  createToken: (slug: string, label: string) =>
    request<CreatedApiToken>('POST', apiPath('/api/v1/workspaces/{slug}/tokens', { slug }), {
      body: { label } satisfies TokenCreate,
    }),
  revokeToken: (slug: string, tokenId: number) =>
    request<void>(
      'DELETE',
      apiPath('/api/v1/workspaces/{slug}/tokens/{token_id}', { slug, token_id: tokenId }),
    ),

  // Wie is wie
  searchMunicipalities: (q: string, signal?: AbortSignal) =>
    request<MunicipalityList>('GET', withQuery(apiPath('/api/v1/municipalities'), { q }), { signal }),
  listOrganisations: (slug: string, signal?: AbortSignal) =>
    request<OrganisationList>('GET', apiPath('/api/v1/workspaces/{slug}/organisations', { slug }), {
      signal,
    }),
  addOrganisation: (slug: string, organisation: OrganisationCreate) =>
    request<Organisation>('POST', apiPath('/api/v1/workspaces/{slug}/organisations', { slug }), {
      body: organisation satisfies OrganisationCreate,
    }),
  listCouncilTerms: (slug: string, organisationId: number, signal?: AbortSignal) =>
    request<CouncilTermList>(
      'GET',
      apiPath('/api/v1/workspaces/{slug}/organisations/{organisation_id}/terms', {
        slug,
        organisation_id: organisationId,
      }),
      { signal },
    ),
  applyElection: (slug: string, organisationId: number, election: ElectionCreate) =>
    request<ElectionResult>(
      'POST',
      apiPath('/api/v1/workspaces/{slug}/organisations/{organisation_id}/elections', {
        slug,
        organisation_id: organisationId,
      }),
      { body: election satisfies ElectionCreate },
    ),
  listPeople: (slug: string, query: PeopleQuery, signal?: AbortSignal) =>
    request<PeoplePage>(
      'GET',
      withQuery(apiPath('/api/v1/workspaces/{slug}/people', { slug }), { ...query }),
      { signal },
    ),
  addPerson: (slug: string, person: PersonCreate) =>
    request<Person>('POST', apiPath('/api/v1/workspaces/{slug}/people', { slug }), {
      body: person satisfies PersonCreate,
    }),
  getPerson: (slug: string, personId: number, signal?: AbortSignal) =>
    request<PersonDossier>(
      'GET',
      apiPath('/api/v1/workspaces/{slug}/people/{person_id}', { slug, person_id: personId }),
      { signal },
    ),
  updatePerson: (slug: string, personId: number, patch: PersonUpdate) =>
    request<Person>(
      'PATCH',
      apiPath('/api/v1/workspaces/{slug}/people/{person_id}', { slug, person_id: personId }),
      { body: patch satisfies PersonUpdate },
    ),
  erasePerson: (slug: string, personId: number) =>
    request<void>(
      'DELETE',
      apiPath('/api/v1/workspaces/{slug}/people/{person_id}', { slug, person_id: personId }),
    ),
  addPosition: (slug: string, personId: number, position: PositionCreate) =>
    request<Position>(
      'POST',
      apiPath('/api/v1/workspaces/{slug}/people/{person_id}/positions', {
        slug,
        person_id: personId,
      }),
      { body: position satisfies PositionCreate },
    ),
  endPosition: (slug: string, positionId: number, endedOn: string) =>
    request<Position>(
      'PATCH',
      apiPath('/api/v1/workspaces/{slug}/positions/{position_id}', {
        slug,
        position_id: positionId,
      }),
      { body: { ended_on: endedOn } },
    ),
  deletePosition: (slug: string, positionId: number) =>
    request<void>(
      'DELETE',
      apiPath('/api/v1/workspaces/{slug}/positions/{position_id}', {
        slug,
        position_id: positionId,
      }),
    ),
  addAssessment: (slug: string, personId: number, assessment: AssessmentCreate) =>
    request<Assessment>(
      'POST',
      apiPath('/api/v1/workspaces/{slug}/people/{person_id}/assessments', {
        slug,
        person_id: personId,
      }),
      { body: assessment satisfies AssessmentCreate },
    ),
  importFile: (slug: string, kind: ImportKind, file: Blob, dryRun: boolean) =>
    request<ImportReport>(
      'POST',
      withQuery(apiPath('/api/v1/workspaces/{slug}/imports/{kind}', { slug, kind }), {
        dry_run: dryRun,
      }),
      {
        raw: { content: file, contentType: kind === 'almanak' ? 'application/xml' : 'text/csv' },
      },
    ),

  // Strategiewijzer
  getKnowledge: (signal?: AbortSignal) =>
    request<Knowledge>('GET', apiPath('/api/v1/knowledge'), { signal }),
  getAdvice: (slug: string, situation: AdviceRequest, signal?: AbortSignal) =>
    request<Advice>('POST', apiPath('/api/v1/workspaces/{slug}/advice', { slug }), {
      body: situation satisfies AdviceRequest,
      signal,
    }),
  saveAdvice: (slug: string, body: SaveAdviceRequest) =>
    request<SavedAdvice>('POST', apiPath('/api/v1/workspaces/{slug}/saved-advice', { slug }), {
      body: body satisfies SaveAdviceRequest,
    }),
  listSavedAdvice: (slug: string, filter: { plan_id?: number; organisation_id?: number }, signal?: AbortSignal) =>
    request<SavedAdviceList>(
      'GET',
      withQuery(apiPath('/api/v1/workspaces/{slug}/saved-advice', { slug }), filter),
      { signal },
    ),
  deleteSavedAdvice: (slug: string, adviceId: number) =>
    request<void>(
      'DELETE',
      apiPath('/api/v1/workspaces/{slug}/saved-advice/{advice_id}', { slug, advice_id: adviceId }),
    ),
  getWorkspaceKnowledge: (slug: string, signal?: AbortSignal) =>
    request<WorkspaceKnowledge>('GET', apiPath('/api/v1/workspaces/{slug}/knowledge', { slug }), { signal }),
  setKnowledgeSetting: (slug: string, setting: KnowledgeSetting) =>
    request<void>('POST', apiPath('/api/v1/workspaces/{slug}/knowledge/settings', { slug }), {
      body: setting satisfies KnowledgeSetting,
    }),
  addOwnKnowledgeItem: (slug: string, item: OwnKnowledgeItemCreate) =>
    request<OwnKnowledgeItem>('POST', apiPath('/api/v1/workspaces/{slug}/knowledge/items', { slug }), {
      body: item satisfies OwnKnowledgeItemCreate,
    }),
  deleteOwnKnowledgeItem: (slug: string, itemId: number) =>
    request<void>(
      'DELETE',
      apiPath('/api/v1/workspaces/{slug}/knowledge/items/{item_id}', { slug, item_id: itemId }),
    ),

  // Beleidskalender
  listPlans: (slug: string, signal?: AbortSignal) =>
    request<PlanList>('GET', apiPath('/api/v1/workspaces/{slug}/plans', { slug }), { signal }),
  getPlan: (slug: string, planId: number, signal?: AbortSignal) =>
    request<PlanDetail>(
      'GET',
      apiPath('/api/v1/workspaces/{slug}/plans/{plan_id}', { slug, plan_id: planId }),
      { signal },
    ),
  addPlan: (slug: string, plan: PlanCreate) =>
    request<Plan>('POST', apiPath('/api/v1/workspaces/{slug}/plans', { slug }), {
      body: plan satisfies PlanCreate,
    }),
  updatePlan: (slug: string, planId: number, patch: PlanUpdate) =>
    request<Plan>(
      'PATCH',
      apiPath('/api/v1/workspaces/{slug}/plans/{plan_id}', { slug, plan_id: planId }),
      { body: patch satisfies PlanUpdate },
    ),
  deletePlan: (slug: string, planId: number) =>
    request<void>(
      'DELETE',
      apiPath('/api/v1/workspaces/{slug}/plans/{plan_id}', { slug, plan_id: planId }),
    ),
  getCycle: (slug: string, organisationId: number, year: number, signal?: AbortSignal) =>
    request<CycleYear>(
      'GET',
      withQuery(
        apiPath('/api/v1/workspaces/{slug}/organisations/{organisation_id}/cycle', {
          slug,
          organisation_id: organisationId,
        }),
        { year },
      ),
      { signal },
    ),
  setCycleDate: (slug: string, organisationId: number, change: CycleDateChange) =>
    request<void>(
      'POST',
      apiPath('/api/v1/workspaces/{slug}/organisations/{organisation_id}/cycle', {
        slug,
        organisation_id: organisationId,
      }),
      { body: change satisfies CycleDateChange },
    ),
  listUpcoming: (slug: string, days: number, signal?: AbortSignal) =>
    request<UpcomingList>(
      'GET',
      withQuery(apiPath('/api/v1/workspaces/{slug}/calendar/upcoming', { slug }), { days }),
      { signal },
    ),
  listCalendarFeeds: (slug: string, signal?: AbortSignal) =>
    request<CalendarFeedList>('GET', apiPath('/api/v1/workspaces/{slug}/calendar/feeds', { slug }), {
      signal,
    }),
  createCalendarFeed: (slug: string, label: string) =>
    request<CreatedCalendarFeed>('POST', apiPath('/api/v1/workspaces/{slug}/calendar/feeds', { slug }), {
      body: { label } satisfies CalendarFeedCreate,
    }),
  revokeCalendarFeed: (slug: string, feedId: number) =>
    request<void>(
      'DELETE',
      apiPath('/api/v1/workspaces/{slug}/calendar/feeds/{feed_id}', { slug, feed_id: feedId }),
    ),

  // Cliëntfeedback
  listSurveys: (slug: string, signal?: AbortSignal) =>
    request<SurveyList>('GET', apiPath('/api/v1/workspaces/{slug}/feedback/surveys', { slug }), { signal }),
  getSurvey: (slug: string, surveyId: number, signal?: AbortSignal) =>
    request<Survey>(
      'GET',
      apiPath('/api/v1/workspaces/{slug}/feedback/surveys/{survey_id}', { slug, survey_id: surveyId }),
      { signal },
    ),
  createSurvey: (slug: string, survey: SurveyCreate) =>
    request<Survey>('POST', apiPath('/api/v1/workspaces/{slug}/feedback/surveys', { slug }), {
      body: survey satisfies SurveyCreate,
    }),
  updateSurvey: (slug: string, surveyId: number, patch: SurveyUpdate) =>
    request<Survey>(
      'PATCH',
      apiPath('/api/v1/workspaces/{slug}/feedback/surveys/{survey_id}', { slug, survey_id: surveyId }),
      { body: patch satisfies SurveyUpdate },
    ),
  listFeedbackResponses: (slug: string, query: FeedbackResponseQuery, signal?: AbortSignal) =>
    request<FeedbackResponsePage>(
      'GET',
      withQuery(apiPath('/api/v1/workspaces/{slug}/feedback/responses', { slug }), { ...query }),
      { signal },
    ),
  eraseResponsePersonalData: (slug: string, responseId: number) =>
    request<void>(
      'DELETE',
      apiPath('/api/v1/workspaces/{slug}/feedback/responses/{response_id}/personal-data', {
        slug,
        response_id: responseId,
      }),
    ),
  getNps: (slug: string, query: NpsQuery, signal?: AbortSignal) =>
    request<NpsReport>(
      'GET',
      withQuery(apiPath('/api/v1/workspaces/{slug}/feedback/nps', { slug }), { ...query }),
      { signal },
    ),
  getFeedbackThemes: (slug: string, query: { from?: string; to?: string }, signal?: AbortSignal) =>
    request<FeedbackThemeList>(
      'GET',
      withQuery(apiPath('/api/v1/workspaces/{slug}/feedback/themes', { slug }), { ...query }),
      { signal },
    ),
  listCallbacks: (slug: string, status: CallbackFilter, signal?: AbortSignal) =>
    request<CallbackList>(
      'GET',
      withQuery(apiPath('/api/v1/workspaces/{slug}/feedback/callbacks', { slug }), { status }),
      { signal },
    ),
  updateCallback: (slug: string, callbackId: number, patch: CallbackUpdate) =>
    request<Callback>(
      'PATCH',
      apiPath('/api/v1/workspaces/{slug}/feedback/callbacks/{callback_id}', {
        slug,
        callback_id: callbackId,
      }),
      { body: patch satisfies CallbackUpdate },
    ),
  revealCallbackPhone: (slug: string, callbackId: number) =>
    request<{ phone: string | null }>(
      'POST',
      apiPath('/api/v1/workspaces/{slug}/feedback/callbacks/{callback_id}/phone', {
        slug,
        callback_id: callbackId,
      }),
    ),
};

/** Links for downloads (the browser sends the session cookie; no JavaScript needed). */
export const downloads = {
  servicesExport: (slug: string, format: 'csv' | 'xlsx') =>
    withQuery(apiPath('/api/v1/workspaces/{slug}/exports/services', { slug }), { format }),
  people: (slug: string, format: 'csv' | 'xlsx', organisationId?: number) =>
    withQuery(apiPath('/api/v1/workspaces/{slug}/exports/people', { slug }), {
      format,
      organisation_id: organisationId,
    }),
  person: (slug: string, personId: number) =>
    apiPath('/api/v1/workspaces/{slug}/people/{person_id}/export', { slug, person_id: personId }),
  feedbackExport: (
    slug: string,
    format: 'csv' | 'xlsx',
    filter: { survey_id?: number; from?: string; to?: string } = {},
  ) => withQuery(apiPath('/api/v1/workspaces/{slug}/feedback/export', { slug }), { format, ...filter }),
  surveyQr: (slug: string, surveyId: number, format: 'svg' | 'png' = 'svg') =>
    withQuery(
      apiPath('/api/v1/workspaces/{slug}/feedback/surveys/{survey_id}/qr', { slug, survey_id: surveyId }),
      { format },
    ),
  interactionsExport: (slug: string, format: 'csv' | 'xlsx') =>
    withQuery(apiPath('/api/v1/workspaces/{slug}/exports/interactions', { slug }), { format }),
  agreementsExport: (slug: string, format: 'csv' | 'xlsx') =>
    withQuery(apiPath('/api/v1/workspaces/{slug}/exports/agreements', { slug }), { format }),
  financingExport: (slug: string, id: number, format: FinancingExportFormat, output?: FinancingChartOutput) =>
    withQuery(
      apiPath('/api/v1/workspaces/{slug}/financing/scenarios/{scenario_id}/export', { slug, scenario_id: id }),
      { format, output: format === 'svg' ? (output ?? 'margin') : undefined },
    ),
};



/** The Server-Sent Events stream of new feedback (GET …/feedback/stream). */
export function feedbackStreamUrl(slug: string): string {
  return apiPath('/api/v1/workspaces/{slug}/feedback/stream', { slug });
}
