/**
 * Checks, after each test, that every answer made with `answer`, `problem` or `noContent` went back
 * to a request of the operation it was typed for. The types check a fixture's body against its
 * operation; this checks the operation against the request, so a body cannot pass by borrowing
 * another operation's shape (say a list answered as `listPlans` on the URL of `listSurveys`).
 */
import { vi, type MockInstance } from 'vitest';
import { operationOf, type OperationId } from './answer';

/** The part of node:fs used here (the app's tsconfig has no Node types; the tests run in Node). */
interface Fs {
  readFileSync(path: string, encoding: 'utf8'): string;
}
const fsModule: string = 'node:fs';
const { readFileSync } = (await import(/* @vite-ignore */ fsModule)) as Fs;

/** web/ (Vitest may serve this file as /@fs/…/src/test/…). */
const here = decodeURIComponent(new URL(import.meta.url, 'file:///').pathname).replace(/^\/@fs\//, '/');
const webRoot = here.slice(0, here.lastIndexOf('/src/test/') + 1);

interface Route {
  method: string;
  pattern: RegExp;
  path: string;
}

/** operationId → method and path, read from api/openapi.yaml (paths at 2 spaces, methods at 4). */
function readRoutes(yaml: string): Map<string, Route> {
  const routes = new Map<string, Route>();
  let path = '';
  let method = '';
  for (const line of yaml.split('\n')) {
    const pathLine = /^ {2}(\/\S*):\s*$/.exec(line);
    if (pathLine) {
      path = pathLine[1]!;
      continue;
    }
    const methodLine = /^ {4}(get|put|post|patch|delete):\s*$/.exec(line);
    if (methodLine) {
      method = methodLine[1]!.toUpperCase();
      continue;
    }
    const idLine = /^ {6}operationId:\s*(\w+)\s*$/.exec(line);
    if (idLine && path && method) {
      const source = path
        .split(/\{[^}]+\}/)
        .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
        .join('[^/]+');
      routes.set(idLine[1]!, { method, path, pattern: new RegExp(`^${source}$`) });
    }
  }
  return routes;
}

const ROUTES = readRoutes(readFileSync(`${webRoot}../api/openapi.yaml`, 'utf8'));

/** The fetch mocks the running test put in place with vi.stubGlobal('fetch', …). */
const fetchMocks = new Set<MockInstance>();

const stubGlobal = vi.stubGlobal.bind(vi);
vi.stubGlobal = (name, value) => {
  if (name === 'fetch' && vi.isMockFunction(value)) fetchMocks.add(value);
  return stubGlobal(name, value);
};

/** Where an answer went to a request of another operation: one line each. */
export function misdirectedAnswers(): string[] {
  const problems: string[] = [];
  for (const mock of fetchMocks) {
    mock.mock.calls.forEach((call, i) => {
      const settled = mock.mock.settledResults[i];
      if (settled?.type !== 'fulfilled' || !(settled.value instanceof Response)) return;
      const op: OperationId | undefined = operationOf(settled.value);
      if (!op) return;
      const [input, init] = call as [RequestInfo | URL, RequestInit | undefined];
      const method = (init?.method ?? 'GET').toUpperCase();
      const pathname = new URL(String(input instanceof Request ? input.url : input), 'http://localhost').pathname;
      const route = ROUTES.get(op);
      if (!route) {
        problems.push(`${method} ${pathname}: answered as ${op}, which api/openapi.yaml does not have`);
      } else if (route.method !== method || !route.pattern.test(pathname)) {
        problems.push(`${method} ${pathname}: answered as ${op}, which is ${route.method} ${route.path}`);
      }
    });
  }
  fetchMocks.clear();
  return problems;
}
