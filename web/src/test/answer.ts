/**
 * Typed fetch answers for tests. Every JSON body a test hands to the app is checked at compile time
 * (`npm run typecheck`) against the response api/openapi.yaml documents for that operation and
 * status, through the generated src/api/schema.d.ts. When the contract changes, the fixtures that
 * no longer fit stop compiling, instead of quietly testing a shape the server no longer sends.
 *
 *   answer('getOverview', 200, OVERVIEW)                     // the 200 body of getOverview
 *   problem('logIn', 'invalid_credentials', 'Klopt niet.')   // 401 ErrorBody; logIn documents 401
 *   noContent('logOut')                                      // 204; logOut documents it
 *
 * Find the operation from the URL the test matches: api/openapi.yaml lists path → operationId.
 * After each test, src/test/setup.ts checks that every such answer went to a request of its own
 * operation (./operationCheck). A fetch mock's catch-all answers with `workspaceRefusal` or
 * `unroutedRequest`. Answers that are deliberately wrong (not JSON, a shape no operation has) go
 * through `malformedResponse` in ./render, with a comment saying why; ./typedFixtures.test.ts
 * fails on JSON answers built by hand.
 */
import type { components, operations } from '../api/schema';

/** An operation of api/openapi.yaml, by its operationId. */
export type OperationId = keyof operations;

type Responses<Op extends OperationId> = operations[Op]['responses'];

export type ErrorBody = components['schemas']['ErrorBody'];
export type ErrorCode = ErrorBody['error']['code'];

/** The statuses `Op` documents with an `application/json` body. */
export type JsonStatus<Op extends OperationId> = {
  [S in keyof Responses<Op>]: Responses<Op>[S] extends { content: { 'application/json': unknown } } ? S : never;
}[keyof Responses<Op>];

/**
 * `T` with every free-form object of the spec (`type: object` without properties, e.g. a TopoJSON
 * object or a financing distribution) as `Record<string, unknown>`, which is what JSON Schema
 * means by it. openapi-typescript writes such an object as `Record<string, never>`, which no real
 * value fits; everything else stays as strict as the schema.
 */
export type FreeFormAsUnknown<T> = T extends readonly (infer Item)[]
  ? FreeFormAsUnknown<Item>[]
  : T extends object
    ? string extends keyof T
      ? [T[string & keyof T]] extends [never]
        ? Record<string, unknown>
        : { [K in keyof T]: FreeFormAsUnknown<T[K]> }
      : { [K in keyof T]: FreeFormAsUnknown<T[K]> }
    : T;

/** A schema of api/openapi.yaml by name, as fixtures use it: `satisfies Schema<'Session'>`. */
export type Schema<Name extends keyof components['schemas']> = FreeFormAsUnknown<components['schemas'][Name]>;

/** The JSON body `Op` documents for `Status`. */
export type ResponseBody<Op extends OperationId, Status extends JsonStatus<Op>> =
  Responses<Op>[Status] extends { content: { 'application/json': infer Body } } ? FreeFormAsUnknown<Body> : never;

/**
 * The statuses of `Op` whose documented body is exactly the `ErrorBody` schema: answer them with
 * `problem`. (An error body with more in it, such as ImportRejection, goes through `answer`.)
 */
export type ProblemStatus<Op extends OperationId> = {
  [S in JsonStatus<Op>]: [ResponseBody<Op, S>] extends [ErrorBody]
    ? [Exclude<keyof ResponseBody<Op, S>, keyof ErrorBody>] extends [never]
      ? S
      : never
    : never;
}[JsonStatus<Op>];

/** The statuses of `Op` with a JSON body that is not an error: answer them with `answer`. */
export type AnswerStatus<Op extends OperationId> = Exclude<JsonStatus<Op>, ProblemStatus<Op>>;

/** The statuses `Op` documents without a body (204 No Content and the like). */
export type EmptyStatus<Op extends OperationId> = {
  [S in keyof Responses<Op>]: Responses<Op>[S] extends { content?: never } ? S : never;
}[keyof Responses<Op>];

/** The JSON request body `Op` documents: for a handler that answers with what it was sent. */
export type RequestBody<Op extends OperationId> = operations[Op] extends {
  requestBody?: { content: { 'application/json': infer Body } };
}
  ? FreeFormAsUnknown<Body>
  : never;

/**
 * The HTTP status of each error code, as the server's one error table has it (kErrors in
 * src/http/errors.cpp). `satisfies` makes a code added to the ErrorBody schema fail here until it
 * has its status.
 */
const STATUS_OF_CODE = {
  invalid_input: 422,
  malformed_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  last_owner: 409,
  payload_too_large: 413,
  headers_too_large: 431,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  import_rejected: 422,
  link_expired: 410,
  sso_refused: 403,
  sso_required: 403,
  internal: 500,
} as const satisfies Record<ErrorCode, number>;
type StatusOfCode = typeof STATUS_OF_CODE;

/**
 * Codes any operation can answer without documenting them: App::Handle (src/http/app.cpp) turns an
 * unexpected failure into 500 `internal`, and a database it cannot reach into 503 `unavailable`.
 */
type AnyOperationCode = 'internal' | 'unavailable';

/**
 * Codes every operation in a workspace (a `{slug}` in its path) can answer, documented or not: the
 * OpenWorkspace middleware (src/http/middleware.cpp, AccountsService::OpenWorkspace) refuses a
 * password session in a workspace that asks for single sign-on with 403 `sso_required` before the
 * operation runs. (Many of these operations do not list 403 in api/openapi.yaml.)
 */
type WorkspaceCode<Op extends OperationId> = operations[Op]['parameters'] extends { path: { slug: string } }
  ? 'sso_required'
  : never;

/**
 * The error codes `Op` can answer: those whose status it documents, those of its workspace, and
 * the two any operation can.
 */
export type ProblemCode<Op extends OperationId> =
  | AnyOperationCode
  | WorkspaceCode<Op>
  | { [C in ErrorCode]: StatusOfCode[C] extends ProblemStatus<Op> ? C : never }[ErrorCode];

/** The operation each answer was made for, so src/test/setup.ts can check it against the request. */
const operationOfAnswer = new WeakMap<Response, OperationId>();

/** The operation `response` was made for with `answer`, `problem` or `noContent`, if any. */
export function operationOf(response: Response): OperationId | undefined {
  return operationOfAnswer.get(response);
}

function tagged(op: OperationId, response: Response): Response {
  operationOfAnswer.set(response, op);
  return response;
}

function jsonAnswer(status: number, body: unknown, headers: Record<string, string>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/**
 * The answer of operation `op` with `status` and `body`, both as api/openapi.yaml documents them.
 * Error statuses go through `problem`, so their code matches their status.
 */
export function answer<Op extends OperationId, Status extends AnswerStatus<Op>>(
  op: Op,
  status: Status,
  body: ResponseBody<Op, Status>,
  headers: Record<string, string> = {},
): Response {
  return tagged(op, jsonAnswer(Number(status), body, headers));
}

/**
 * The error body the server sends (src/http/errors.cpp): `fields` is always there, often empty.
 * Also for an `error` event in a stream, which carries the same body.
 */
export function errorBody(code: ErrorCode, message: string, fields: Record<string, string> = {}): ErrorBody {
  return { error: { code, message, fields } };
}

/**
 * An error answer of `op`: `{error: {code, message, fields}}` with the status the server gives
 * `code`, which `op` must document (see ProblemCode for the few codes every operation can answer).
 */
export function problem<Op extends OperationId>(
  op: Op,
  code: ProblemCode<Op>,
  message: string,
  fields: Record<string, string> = {},
  headers: Record<string, string> = {},
): Response {
  return tagged(op, jsonAnswer(STATUS_OF_CODE[code], errorBody(code, message, fields), headers));
}

/** An answer without a body, with a status `op` documents as such (204 unless told). */
export function noContent<Op extends OperationId>(
  op: Op,
  ...status: 204 extends EmptyStatus<Op> ? [status?: EmptyStatus<Op>] : [status: EmptyStatus<Op>]
): Response {
  return tagged(op, new Response(null, { status: Number(status[0] ?? 204) }));
}

/**
 * The OpenWorkspace middleware's answer (src/http/middleware.cpp) to any request in a workspace,
 * before an operation runs: 404 `not_found` for a non-member, 403 `sso_required` for a password
 * session where the workspace asks for single sign-on, 403 `forbidden` for a viewer's change.
 * For a fetch mock that refuses every request under /api/v1/workspaces/{slug}/ alike.
 */
export function workspaceRefusal(code: 'not_found' | 'sso_required' | 'forbidden', message: string): Response {
  return jsonAnswer(STATUS_OF_CODE[code], errorBody(code, message), {});
}

/**
 * The router's answer to a request no operation matches (src/http/router.cpp): 404 `not_found`.
 * Only for a fetch mock's fallback, for requests the test does not route on purpose.
 */
export function unroutedRequest(message = 'Dit bestaat niet, of je hebt er geen toegang toe.'): Response {
  return jsonAnswer(404, errorBody('not_found', message), {});
}
