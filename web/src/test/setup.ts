import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import en from '../i18n/en.json';
import { registerLanguage } from '../i18n/i18n';
import { resetSsoOffer } from '../features/sso/api';
import { misdirectedAnswers } from './operationCheck';

// The app loads English on demand; tests render it synchronously.
registerLanguage('en', en);

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  // The single sign-on offer is asked once per page load; every test is a new page.
  resetSsoOffer();
  // A fixture typed for one operation must answer a request of that operation.
  const misdirected = misdirectedAnswers();
  if (misdirected.length > 0) throw new Error(`Typed answers sent to the wrong request:\n${misdirected.join('\n')}`);
});

// jsdom has <dialog> but not its modal methods.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}
