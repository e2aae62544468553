import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { isApiError } from '../../api/client';
import { ROLES, type GroupRole, type Role, type WorkspaceSso } from '../../api/types';
import { getWorkspaceSingleSignOn, saveWorkspaceSingleSignOn } from '../../api/generated/members';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { SelectField } from '../../components/SelectField';
import { StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { useApiData } from '../../components/useApiData';
import { useI18n } from '../../i18n/I18nProvider';
import { useCurrentSession } from '../auth/session';
import { useWorkspace } from '../shell/workspaceContext';
import { ssoLabel } from '../sso/SsoButton';
import { useSsoText } from '../sso/texts';
import { useSsoOffer } from '../sso/useSsoOffer';
import { roleLabel } from './labels';
import { useSettingsText } from './texts';

/** PUT …/sso accepts at most this many mappings (api/openapi.yaml). */
export const MAX_MAPPINGS = 100;

interface Row {
  /** Stable while editing (ids of the fields, React keys); not sent. */
  key: number;
  group: string;
  role: Role;
}

/** Field problems by the API's names: `sso_only`, `mappings`, `mappings[2].group`, … */
type FieldErrors = Record<string, string>;

let nextKey = 1;
function toRows(mappings: readonly GroupRole[]): Row[] {
  return mappings.map((m) => ({ key: nextKey++, group: m.group, role: m.role }));
}

/**
 * Single sign-on for this workspace (owners only): "Alleen inloggen met single sign-on", and
 * which groups of the provider (Entra ID: the group's Object ID) give which role. Without single
 * sign-on on the server it says who can set it up.
 */
export function SsoSection() {
  const st = useSettingsText();
  const sso = useSsoText();
  const { workspace, reload: reloadWorkspace } = useWorkspace();
  const slug = workspace.slug;
  const settings = useApiData(`sso:${slug}`, (signal) => getWorkspaceSingleSignOn({ slug }, { signal }));
  const offer = useSsoOffer();
  const label = ssoLabel(offer, sso);

  return (
    <section aria-labelledby="sso-heading" className="aantafel-section">
      <Heading2 id="sso-heading">{st('sso.title')}</Heading2>
      {settings.error ? <ErrorAlert error={settings.error} /> : null}
      <div aria-busy={settings.loading || undefined}>
        {settings.loading && !settings.data ? <Loading /> : null}
        {settings.data && !settings.data.enabled ? <Paragraph>{st('sso.notConfigured')}</Paragraph> : null}
        {settings.data?.enabled ? (
          <SsoForm
            slug={slug}
            saved={settings.data}
            label={label}
            onSaved={async (answer) => {
              // Turned on: a password session no longer opens the workspace; the layout then
              // shows why (and the button to sign in with the provider).
              if (answer.sso_only && !settings.data?.sso_only) await reloadWorkspace();
            }}
          />
        ) : null}
      </div>
    </section>
  );
}

function SsoForm({
  slug,
  saved,
  label,
  onSaved,
}: {
  slug: string;
  saved: WorkspaceSso;
  label: string;
  onSaved: (answer: WorkspaceSso) => Promise<void>;
}) {
  const st = useSettingsText();
  const { t } = useI18n();
  const { signed_in_with_sso: signedInWithSso } = useCurrentSession();
  const [ssoOnly, setSsoOnly] = useState(saved.sso_only);
  const [wasOn, setWasOn] = useState(saved.sso_only);
  const [rows, setRows] = useState<Row[]>(() => toRows(saved.mappings));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // The field to focus next (a new row, the first problem), once no dialog is open.
  const [focusId, setFocusId] = useState<string | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const roleOptions = ROLES.map((value) => ({ value, label: t(roleLabel(value)) }));

  useEffect(() => {
    if (focusId === null || confirming) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId, confirming]);

  function change(key: number, patch: Partial<Omit<Row, 'key'>>) {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
    setStatus('');
  }

  function add() {
    if (rows.length >= MAX_MAPPINGS) return;
    const row: Row = { key: nextKey++, group: '', role: 'viewer' };
    setRows((current) => [...current, row]);
    setFieldErrors({});
    setStatus('');
    setFocusId(`sso-group-${row.key}`);
  }

  function remove(index: number) {
    const next = rows.filter((_, i) => i !== index);
    setRows(next);
    setFieldErrors({});
    setStatus(st('sso.removed', { number: index + 1 }));
    // Focus goes to the row that took its place, else to "add".
    const after = next[index] ?? next[index - 1];
    if (after) setFocusId(`sso-group-${after.key}`);
    else addRef.current?.focus();
  }

  function focusFirstProblem(errors: FieldErrors) {
    if (errors.sso_only) {
      setFocusId('sso-only');
      return;
    }
    const index = rows.findIndex((_, i) => errors[`mappings[${i}].group`] || errors[`mappings[${i}].role`]);
    const row = rows[index];
    if (!row) return;
    const field = errors[`mappings[${index}].group`] ? 'group' : 'role';
    setFocusId(`sso-${field}-${row.key}`);
  }

  async function save(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const answer = await saveWorkspaceSingleSignOn(
        { slug },
        { sso_only: ssoOnly, mappings: rows.map((row) => ({ group: row.group.trim(), role: row.role })) },
      );
      setRows(toRows(answer.mappings));
      setSsoOnly(answer.sso_only);
      setWasOn(answer.sso_only);
      setFieldErrors({});
      setStatus(st('sso.saved'));
      await onSaved(answer);
    } catch (caught) {
      const fields = isApiError(caught) ? caught.fields : {};
      if (Object.keys(fields).length > 0) {
        setFieldErrors(fields);
        // A problem with the list as a whole (not at one field) is shown above the form.
        if (fields.mappings) setError(caught);
        focusFirstProblem(fields);
      } else {
        setError(caught);
      }
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setStatus('');
    setError(null);
    const errors: FieldErrors = {};
    rows.forEach((row, i) => {
      if (!row.group.trim()) errors[`mappings[${i}].group`] = st('sso.groupRequired');
    });
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) {
      focusFirstProblem(errors);
      return;
    }
    if (ssoOnly && !wasOn) {
      setConfirming(true);
      return;
    }
    void save();
  }

  const full = rows.length >= MAX_MAPPINGS;

  return (
    <>
      <form noValidate onSubmit={submit} aria-labelledby="sso-heading" aria-busy={busy || undefined}>
        <Paragraph>{st('sso.intro', { label })}</Paragraph>
        {error ? <ErrorAlert error={error} /> : null}
        <div className={fieldErrors.sso_only ? 'aantafel-check aantafel-check--invalid' : 'aantafel-check'}>
          <div className="aantafel-radio">
            <input
              type="checkbox"
              id="sso-only"
              name="sso_only"
              className="aantafel-radio__input"
              checked={ssoOnly}
              aria-describedby={fieldErrors.sso_only ? 'sso-only-hint sso-only-error' : 'sso-only-hint'}
              aria-invalid={fieldErrors.sso_only ? true : undefined}
              onChange={(event) => {
                setSsoOnly(event.target.checked);
                setStatus('');
              }}
            />
            <label htmlFor="sso-only" className="aantafel-radio__label">
              <strong>{st('sso.only')}</strong>
            </label>
          </div>
          <Paragraph id="sso-only-hint" className="aantafel-check__hint">
            {st('sso.onlyHint')}
          </Paragraph>
          {fieldErrors.sso_only ? (
            <p id="sso-only-error" className="utrecht-form-field-error-message">
              {fieldErrors.sso_only}
            </p>
          ) : null}
        </div>

        <Heading3 id="sso-mappings-heading">{st('sso.mappingsTitle')}</Heading3>
        <Paragraph>{st('sso.mappingsIntro', { label })}</Paragraph>
        <ul className="aantafel-sso-rules">
          <li>{st('sso.ruleHighest')}</li>
          <li>{st('sso.ruleLeave')}</li>
          <li>{st('sso.ruleInvited')}</li>
        </ul>
        <Paragraph>{st('sso.groupHelp')}</Paragraph>
        {rows.length === 0 ? <Paragraph>{st('sso.none')}</Paragraph> : null}
        {rows.length > 0 ? (
          <ul className="aantafel-cards aantafel-sso-mappings" aria-label={st('sso.listLabel')}>
            {rows.map((row, index) => {
              const number = index + 1;
              return (
                <li key={row.key} className="aantafel-cards__item">
                  <fieldset className="aantafel-sso-mapping">
                    <legend className="aantafel-cards__title aantafel-sso-mapping__legend">
                      {st('sso.mapping', { number })}
                    </legend>
                    <TextField
                      id={`sso-group-${row.key}`}
                      name={`mappings[${index}].group`}
                      label={st('sso.group')}
                      required
                      maxLength={256}
                      autoComplete="off"
                      spellCheck={false}
                      value={row.group}
                      onChange={(event) => change(row.key, { group: event.target.value })}
                      error={fieldErrors[`mappings[${index}].group`]}
                    />
                    <SelectField
                      id={`sso-role-${row.key}`}
                      name={`mappings[${index}].role`}
                      label={st('sso.role')}
                      options={roleOptions}
                      value={row.role}
                      onChange={(event) => change(row.key, { role: event.target.value as Role })}
                      error={fieldErrors[`mappings[${index}].role`]}
                    />
                    <div className="aantafel-sso-mapping__remove">
                      <Button type="button" appearance="subtle-button" hint="danger" onClick={() => remove(index)}>
                        {st('sso.remove')}{' '}
                        <span className="aantafel-visually-hidden">{st('sso.forMapping', { number })}</span>
                      </Button>
                    </div>
                  </fieldset>
                </li>
              );
            })}
          </ul>
        ) : null}
        <div className="aantafel-actions">
          <Button
            type="button"
            appearance="secondary-action-button"
            ref={addRef}
            disabled={full}
            aria-describedby={full ? 'sso-max' : undefined}
            onClick={add}
          >
            {st('sso.add')}
          </Button>
          {full ? (
            <span id="sso-max" className="aantafel-meta">
              {st('sso.max', { max: MAX_MAPPINGS })}
            </span>
          ) : null}
        </div>
        <StatusMessage>{status}</StatusMessage>
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {busy ? st('sso.saving') : st('sso.save')}
        </Button>
      </form>
      <ConfirmDialog
        open={confirming}
        title={st('sso.confirmTitle')}
        confirmLabel={st('sso.confirm')}
        busyLabel={st('sso.saving')}
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          await save();
          setConfirming(false);
        }}
      >
        <Paragraph>{st('sso.confirmBody', { label })}</Paragraph>
        {/* The owner's own session: a password session no longer opens the workspace after this. */}
        {signedInWithSso === true ? null : (
          <Paragraph>
            {signedInWithSso === false
              ? st('sso.confirmYouPassword', { label })
              : st('sso.confirmYouUnknown', { label })}
          </Paragraph>
        )}
      </ConfirmDialog>
    </>
  );
}
