/**
 * Webhook of Raad (owners): the address where the workspace's own system hears of topic hits, the
 * signing secret shown once, how the deliveries go in plain words, a test, and removal with a
 * question first. See docs/council.md, "Webhook for topic hits".
 */
import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { isApiError } from '../../api/client';
import {
  deleteCouncilWebhook,
  getCouncilWebhook,
  setCouncilWebhook,
  testCouncilWebhook,
} from '../../api/generated/council';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { SecretShownOnce } from '../../components/secret/SecretShownOnce';
import { StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { useApiData } from '../../components/useApiData';
import type { CouncilWebhook } from './api';
import { webhookLines, type Context } from './council';
import { LineList, useFocusWhenShown } from './common';

/** The longest address the server accepts. */
const LONGEST_URL = 2000;

export function CouncilWebhookSection({ slug, context }: { slug: string; context: Context }) {
  const { ct } = context;
  const webhook = useApiData(`council-webhook:${slug}`, (signal) => getCouncilWebhook({ slug }, { signal }));
  const current = webhook.data?.webhook ?? null;
  const [url, setUrl] = useState<string | null>(null);
  const [urlError, setUrlError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [deleting, setDeleting] = useState(false);
  const setFocusId = useFocusWhenShown();
  // What the field shows: what was typed, else the stored address.
  const shown = url ?? current?.url ?? '';

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    setStatus('');
    const typed = shown.trim();
    if (!typed) {
      setUrlError(ct('webhook.urlRequired'));
      document.getElementById('council-webhook-url')?.focus();
      return;
    }
    if (!/^https?:\/\//i.test(typed)) {
      setUrlError(ct('webhook.urlHttps'));
      document.getElementById('council-webhook-url')?.focus();
      return;
    }
    setUrlError(undefined);
    setBusy('save');
    try {
      const saved = await setCouncilWebhook({ slug }, { url: typed });
      setSecret(saved.secret);
      setUrl(null);
      await webhook.reload();
    } catch (caught) {
      if (isApiError(caught) && caught.fields.url) {
        setUrlError(caught.fields.url);
        document.getElementById('council-webhook-url')?.focus();
      } else {
        setError(caught);
      }
    } finally {
      setBusy(null);
    }
  }

  async function test() {
    if (busy) return;
    setError(null);
    setStatus('');
    setBusy('test');
    try {
      const answer = await testCouncilWebhook({ slug });
      setStatus(
        answer.ok
          ? ct('webhook.testOk', { status: answer.status ?? '' })
          : answer.status !== null
            ? ct('webhook.testStatus', { status: answer.status })
            : ct('webhook.testNoAnswer', { error: answer.error ?? '' }),
      );
      await webhook.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  }

  async function remove() {
    await deleteCouncilWebhook({ slug });
    setDeleting(false);
    setSecret(null);
    setUrl(null);
    setStatus(ct('webhook.removed'));
    await webhook.reload();
    setFocusId('council-webhook');
  }

  return (
    <section className="aantafel-section aantafel-council-webhook" aria-labelledby="council-webhook">
      <Heading2 id="council-webhook" tabIndex={-1} className="aantafel-focus-target">
        {ct('webhook.title')}
      </Heading2>
      <Paragraph>{ct('webhook.intro')}</Paragraph>
      <StatusMessage>{status}</StatusMessage>
      {error ? <ErrorAlert error={error} /> : null}
      {webhook.error && !webhook.data ? <ErrorAlert error={webhook.error} /> : null}
      {!webhook.data && !webhook.error ? <Loading /> : null}
      {secret ? (
        <SecretShownOnce
          headingId="council-webhook-secret-heading"
          headingLevel={3}
          heading={ct('webhook.secretTitle')}
          intro={<Paragraph>{ct('webhook.secretWhy')}</Paragraph>}
          fieldId="council-webhook-secret"
          fieldLabel={ct('webhook.secretLabel')}
          secret={secret}
          texts={{
            copy: ct('webhook.copy'),
            copied: ct('webhook.copied'),
            copyManually: ct('webhook.copyManually'),
            done: ct('webhook.done'),
          }}
          onDone={() => {
            setSecret(null);
            setFocusId('council-webhook');
          }}
        />
      ) : null}
      {webhook.data ? (
        <>
          {current ? <WebhookState webhook={current} context={context} /> : <Paragraph>{ct('webhook.none')}</Paragraph>}
          <form noValidate onSubmit={save} aria-busy={busy === 'save' || undefined}>
            <TextField
              id="council-webhook-url"
              type="url"
              label={ct('webhook.url')}
              description={ct('webhook.urlHint')}
              value={shown}
              onChange={(event) => setUrl(event.target.value)}
              error={urlError}
              maxLength={LONGEST_URL}
              required
              autoComplete="off"
              spellCheck={false}
            />
            <ButtonGroup>
              <Button type="submit" appearance="primary-action-button" busy={busy === 'save'}>
                {busy === 'save' ? ct('webhook.saving') : current ? ct('webhook.saveNew') : ct('webhook.save')}
              </Button>
              {current ? (
                <>
                  <Button type="button" appearance="secondary-action-button" busy={busy === 'test'} onClick={() => void test()}>
                    {busy === 'test' ? ct('webhook.testing') : ct('webhook.test')}
                  </Button>
                  <Button type="button" appearance="subtle-button" hint="danger" onClick={() => setDeleting(true)}>
                    {ct('webhook.remove')}
                  </Button>
                </>
              ) : null}
            </ButtonGroup>
            {current ? <Paragraph className="aantafel-meta">{ct('webhook.saveNewHint')}</Paragraph> : null}
          </form>
        </>
      ) : null}
      <ConfirmDialog
        open={deleting}
        title={ct('webhook.removeTitle')}
        confirmLabel={ct('webhook.remove')}
        busyLabel={ct('webhook.removeBusy')}
        onConfirm={remove}
        onCancel={() => setDeleting(false)}
      >
        {ct('webhook.removeBody')}
      </ConfirmDialog>
    </section>
  );
}

/** How the deliveries go, in plain words (and the technical message for owners). */
function WebhookState({ webhook, context }: { webhook: CouncilWebhook; context: Context }) {
  return <LineList lines={webhookLines(webhook, context)} />;
}
