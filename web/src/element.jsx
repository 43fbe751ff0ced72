// Mounting a journey as a custom element: its own shadow root (so an embedding site's styles
// neither leak in nor out), the styles adopted from the script itself, the clinic's colour.
import { render } from 'preact';
import { createApi, problemMessage } from './api.js';
import { Alert } from './ui.jsx';
import { t } from './text.js';

const sheet = new CSSStyleSheet();
sheet.replaceSync(__COMPONENT_CSS__);

/** The app that served this script: where its API lives, wherever the element is embedded. */
export const appBase = new URL('/', import.meta.url).href;

export function defineJourney(tag, view) {
  if (customElements.get(tag)) return;
  customElements.define(tag, class extends HTMLElement {
    async connectedCallback() {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = [sheet];
      const frame = document.createElement('div');
      frame.className = 'mn-root';
      root.append(frame);
      const api = createApi(this.getAttribute('api') ?? appBase);
      render(<p class="loading" role="status">{t('common.loading')}</p>, frame);
      try {
        const settings = await api.settings();
        frame.style.setProperty('--mn-brand-default', settings.primaryColor);
        render(view(api, settings, this), frame);
      } catch (e) {
        render(<Alert>{problemMessage(e, t)}</Alert>, frame);
      }
    }
  });
}
