// Makes someone a member of a workspace the way people do it now (issue #23): an owner invites the
// address, and the person accepts the invitation with the link's secret. Used by tests that need
// a second member but do not test inviting itself (accounts.test.mjs does, through the UI).
import assert from 'node:assert/strict';

/**
 * Invites `who.email` with `role` into `slug` through the owner's signed-in request context
 * (`owner.request`, `owner.csrf`), then accepts the invitation with `who.password` (an existing
 * account) or `who.name` + `who.password` (a new account). The server must run without a mail
 * relay, so the invitation answers with its link. Returns the accepted session's JSON.
 *
 * @param {string} baseUrl the server under test
 * @param {{ request: import('playwright-core').APIRequestContext, csrf: string }} owner
 * @param {string} slug
 * @param {{ email: string, password: string, name?: string }} who
 * @param {'owner' | 'editor' | 'viewer'} role
 */
export async function addMember(baseUrl, owner, slug, who, role) {
  const invited = await owner.request.post(`/api/v1/workspaces/${slug}/invitations`, {
    data: { email: who.email, role },
    headers: { 'X-CSRF-Token': owner.csrf },
  });
  assert.equal(invited.status(), 201, `inviting ${who.email}: ${await invited.text()}`);
  const answer = await invited.json();
  assert.equal(answer.mailed, false, 'the server under test has no mail relay, so the link comes back');
  const token = new URL(answer.link).hash.slice(1);
  assert.ok(token, `the invitation link has its secret after "#": ${answer.link}`);
  // Plain fetches: the new session's cookie stays out of the owner's context.
  const post = (path, body) =>
    fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const looked = await post('/api/v1/invitations/lookup', { token });
  assert.equal(looked.status, 200, `looking up the invitation for ${who.email}`);
  const { account_exists: exists } = await looked.json();
  // An existing account proves itself with its password; a new one also gets a name.
  const accepted = await post(
    '/api/v1/invitations/accept',
    exists ? { token, password: who.password } : { token, name: who.name ?? who.email, password: who.password },
  );
  assert.equal(accepted.status, 201, `accepting the invitation for ${who.email}: ${await accepted.clone().text()}`);
  return accepted.json();
}
