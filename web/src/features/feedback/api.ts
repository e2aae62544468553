/**
 * The request of "Persoonlijke links versturen". It lives with the page (not in api/client.ts),
 * so the first bundle does not grow (same choice as features/municipality/api.ts).
 */
import { apiPath, request } from '../../api/client';
import type { InvitationBatch, InvitationResult } from '../../api/types';

/** POST …/feedback/surveys/{survey_id}/invitations (operationId createInvitations), as JSON. */
export function createInvitations(slug: string, surveyId: number, body: InvitationBatch) {
  return request<InvitationResult>(
    'POST',
    apiPath('/api/v1/workspaces/{slug}/feedback/surveys/{survey_id}/invitations', { slug, survey_id: surveyId }),
    { body: body satisfies InvitationBatch },
  );
}
