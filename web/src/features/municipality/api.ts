/**
 * The one request of the municipality page. It lives with the page (not in api/client.ts), so
 * the first bundle does not grow (same choice as features/financing/stream.ts).
 */
import { apiPath, request } from '../../api/client';
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
