/**
 * The way to the municipality page from other areas (Wie is wie, relationship health,
 * Beleidskalender). Kept apart from texts.ts so those pages import a few bytes, not the page's
 * texts, and nothing is added to the first bundle (nl.json).
 */
import type { Language } from '../../i18n/i18n';

/** App path of the municipality page of one organisation. */
export function municipalityPagePath(slug: string, organisationId: number): string {
  return `/w/${encodeURIComponent(slug)}/municipalities/${organisationId}`;
}

const LINK_TEXT: Record<Language, string> = {
  nl: 'Alles over {name} op één pagina',
  en: 'Everything about {name} on one page',
};

/** Link text that makes sense on its own: "Alles over Utrecht op één pagina". */
export function municipalityPageLinkText(language: Language, name: string): string {
  return LINK_TEXT[language].replace('{name}', name);
}
