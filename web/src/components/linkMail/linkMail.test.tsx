import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../test/render';
import { MailStatusText } from './LinkMailFields';
import { effectiveRemind, isEmailAddress, mailAvailable, remindChoices, wholeNumber } from './linkMail';
import { LINK_MAIL_TEXTS } from './texts';

describe('links by e-mail: helpers', () => {
  it('offers only reminders before the link stops working', () => {
    expect(remindChoices(14)).toEqual([3, 5, 7]);
    expect(remindChoices(15)).toEqual([3, 5, 7, 14]);
    expect(remindChoices(4)).toEqual([3]);
    expect(remindChoices(3)).toEqual([]);
    expect(remindChoices(null)).toEqual([3, 5, 7, 14]);
  });

  it('drops a reminder that no longer fits the validity', () => {
    expect(effectiveRemind('7', 14)).toBe(7);
    expect(effectiveRemind('7', 7)).toBeNull();
    expect(effectiveRemind('', 14)).toBeNull();
    expect(effectiveRemind('14', null)).toBe(14);
  });

  it('reads whole numbers within bounds', () => {
    expect(wholeNumber(' 14 ', 1, 90)).toBe(14);
    expect(wholeNumber('0', 1, 90)).toBeNull();
    expect(wholeNumber('91', 1, 90)).toBeNull();
    expect(wholeNumber('2,5', 1, 90)).toBeNull();
  });

  it('checks e-mail addresses plainly', () => {
    expect(isEmailAddress('anna@delinde.example')).toBe(true);
    expect(isEmailAddress(' a.b+c@sub.voorbeeld.nl ')).toBe(true);
    expect(isEmailAddress('anna@delinde')).toBe(false);
    expect(isEmailAddress('anna delinde@x.nl')).toBe(false);
    expect(isEmailAddress('a@x.nl;b@y.nl')).toBe(false);
    expect(isEmailAddress('')).toBe(false);
  });

  it('reads mail from the session', () => {
    expect(mailAvailable({ mail: true })).toBe(true);
    expect(mailAvailable({ mail: false })).toBe(false);
    expect(mailAvailable(null)).toBe(false);
  });

  it('has the same keys and placeholders in Dutch and English', () => {
    const holes = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    expect(Object.keys(LINK_MAIL_TEXTS.en).sort()).toEqual(Object.keys(LINK_MAIL_TEXTS.nl).sort());
    for (const key of Object.keys(LINK_MAIL_TEXTS.nl) as (keyof typeof LINK_MAIL_TEXTS.nl)[])
      expect(holes(LINK_MAIL_TEXTS.en[key]), key).toEqual(holes(LINK_MAIL_TEXTS.nl[key]));
  });
});

describe('MailStatusText', () => {
  it('says when the link was mailed and when the reminder comes, in Dutch dates', () => {
    renderWithProviders(
      <MailStatusText mail={{ sent_at: '2026-12-06T09:00:00Z', remind_at: '2026-12-13T09:00:00Z', reminded_at: null }} />,
    );
    expect(screen.getByText(/^Gemaild op 6 dec\.?( 2026)?$/)).toBeInTheDocument();
    expect(screen.getByText(/^Herinnering op 13 dec\.?( 2026)?$/)).toBeInTheDocument();
  });

  it('says when the reminder went out, in English too', () => {
    renderWithProviders(
      <MailStatusText mail={{ sent_at: '2026-12-06T09:00:00Z', remind_at: null, reminded_at: '2026-12-13T09:00:00Z' }} />,
      { language: 'en' },
    );
    expect(screen.getByText(/^Mailed on 6 Dec( 2026)?$/)).toBeInTheDocument();
    expect(screen.getByText(/^Reminded on 13 Dec( 2026)?$/)).toBeInTheDocument();
  });

  it('shows nothing for a link passed on by hand', () => {
    const { container } = renderWithProviders(<MailStatusText mail={null} />);
    expect(container).toBeEmptyDOMElement();
  });
});
