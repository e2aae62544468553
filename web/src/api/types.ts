/**
 * Short names for the API's shapes. They are aliases of the types generated from
 * api/openapi.yaml (schema.d.ts), so a change in the contract shows up here at compile time.
 */
import type { components, paths } from './schema';

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
export type MemberInvite = Schemas['MemberInvite'];
export type RoleChange = Schemas['RoleChange'];
export type TokenCreate = Schemas['TokenCreate'];

export const ROLES: readonly Role[] = ['owner', 'editor', 'viewer'];
