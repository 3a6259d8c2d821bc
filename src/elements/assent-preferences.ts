import { withApi } from './with-api.ts';

/** `<assent-preferences>`: the preference center inline, rendered into the element's shadow root. */
export class AssentPreferences extends HTMLElement {
  connectedCallback(): void {
    withApi((api) => void api.showPreferences(this));
  }
}
