// The rule lives in the core: the widget hashes the notice it showed with the same text.
export { canonicalJson } from '../../src/core/canonical-json.ts';
