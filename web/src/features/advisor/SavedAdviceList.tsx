import { useRef, useState } from 'react';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { SavedAdvice } from '../../api/types';
import { deleteSavedAdvice, getKnowledge, listSavedAdvice } from '../../api/generated/advisor';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { StatusMessage } from '../../components/StatusMessage';
import { useApiData } from '../../components/useApiData';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/i18n';
import { useCanEdit, useWorkspace } from '../shell/workspaceContext';
import { GOALS, goalLabel, LEVELS, levelLabel, PHASES, phaseLabel, SIZES, sizeLabel } from './advisor';

function label<T extends string>(values: readonly T[], value: string, key: (v: T) => MessageKey, t: (k: MessageKey) => string) {
  return (values as readonly string[]).includes(value) ? t(key(value as T)) : value;
}

/** The advice saved with a plan: date, situation, top 3 strategies, note; delete (not for viewers). */
export function SavedAdviceList({ planId }: { planId: number }) {
  const { t, language, formatDate } = useI18n();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const canEdit = useCanEdit();
  const saved = useApiData(`saved-advice:${slug}:${planId}`, (signal) =>
    listSavedAdvice({ slug }, { plan_id: planId }, { signal }),
  );
  const knowledge = useApiData(`knowledge:${language}`, (signal) => getKnowledge({ signal }));
  const [deleting, setDeleting] = useState<SavedAdvice | null>(null);
  const [status, setStatus] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const names = new Map((knowledge.data?.strategies ?? []).map((s) => [s.id, s.name]));
  const items = saved.data?.items ?? [];

  async function remove(item: SavedAdvice) {
    await deleteSavedAdvice({ slug, advice_id: item.id });
    setDeleting(null);
    await saved.reload();
    setStatus(t('advisor.saved.deleted'));
    headingRef.current?.focus();
  }

  return (
    <section className="aantafel-section" aria-labelledby="saved-advice-heading">
      <Heading2 id="saved-advice-heading" ref={headingRef} tabIndex={-1}>
        {t('advisor.saved.title')}
      </Heading2>
      <StatusMessage>{status}</StatusMessage>
      {saved.error ? <ErrorAlert error={saved.error} /> : null}
      {!saved.data && !saved.error ? <Loading /> : null}
      {saved.data && items.length === 0 ? <Paragraph>{t('advisor.saved.none')}</Paragraph> : null}
      {items.length > 0 ? (
        <ul className="aantafel-plain-list">
          {items.map((item) => {
            const s = item.situation;
            const date = formatDate(new Date(item.created_at));
            return (
              <li key={item.id} className="aantafel-card aantafel-saved-advice">
                <p>
                  <strong>
                    <time dateTime={item.created_at}>{date}</time>
                  </strong>{' '}
                  <span className="aantafel-meta">
                    {[
                      label(SIZES, s.size, sizeLabel, t),
                      label(PHASES, s.phase, phaseLabel, t),
                      label(LEVELS, s.level, levelLabel, t),
                      label(GOALS, s.goal, goalLabel, t),
                    ].join(' · ')}
                  </span>
                </p>
                <p>
                  {t('advisor.saved.top')}{' '}
                  {item.ranking
                    .slice(0, 3)
                    .map((id, index) => `${index + 1}. ${names.get(id) ?? id}`)
                    .join(', ')}
                </p>
                {item.note ? (
                  <p className="aantafel-pre-line">
                    {t('advisor.saved.note')} {item.note}
                  </p>
                ) : null}
                {canEdit ? (
                  <Button type="button" appearance="subtle-button" hint="danger" onClick={() => setDeleting(item)}>
                    {t('advisor.saved.delete')}
                    <span className="aantafel-visually-hidden"> {t('advisor.saved.ofDate', { date })}</span>
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {canEdit ? (
        <ConfirmDialog
          open={deleting !== null}
          title={t('advisor.saved.deleteTitle')}
          confirmLabel={t('advisor.saved.deleteConfirm')}
          busyLabel={t('common.deleting')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => (deleting ? remove(deleting) : undefined)}
        >
          {t('advisor.saved.deleteBody')}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
