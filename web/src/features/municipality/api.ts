/**
 * The requests of the municipality page and of the register's municipalities. They live with the
 * page (not in api/client.ts), so the first bundle does not grow (same choice as
 * features/financing/stream.ts).
 */
import { apiPath, request } from '../../api/client';
import type { components } from '../../api/schema';
import type { MunicipalityDossier } from './municipality';

/** GET …/organisations/{id}/dossier (operationId getMunicipalityDossier). */
export function getMunicipalityDossier(slug: string, organisationId: number, signal?: AbortSignal) {
  return request<MunicipalityDossier>(
    'GET',
    apiPath('/api/v1/workspaces/{slug}/organisations/{organisation_id}/dossier', {
      slug,
      organisation_id: organisationId,
    }),
    { signal },
  );
}

export type MunicipalityDetail = components['schemas']['MunicipalityDetail'];

/**
 * GET /api/v1/municipalities/{code} (operationId getMunicipality): one municipality of the
 * register with its districts (wijken) and mergers. Used by the Sociale kaart and the maps.
 */
export function getMunicipality(code: string, signal?: AbortSignal) {
  return request<MunicipalityDetail>('GET', apiPath('/api/v1/municipalities/{code}', { code }), { signal });
}
