import { describe, expect, it } from 'vitest';
import { isWebLink, safeLinkHref, urlScheme } from './link.ts';

describe('links a visitor may click', () => {
  it.each([
    'https://example.com/privacy',
    'http://127.0.0.1:8787/privacy.html',
    '/privacy.html',
    'privacy.html',
    '#cookies',
    '?lang=fr',
  ])('keeps the web link %s', (url) => {
    expect(isWebLink(url)).toBe(true);
    expect(safeLinkHref(url)).toBe(url);
  });

  it.each([
    'javascript:window.__x=1',
    'JaVaScRiPt:window.__x=1',
    ' javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'blob:https://example.com/x',
  ])('drops %j', (url) => {
    expect(isWebLink(url)).toBe(false);
    expect(safeLinkHref(url)).toBeUndefined();
  });

  it('drops a missing or empty url', () => {
    expect(safeLinkHref(undefined)).toBeUndefined();
    expect(safeLinkHref('')).toBeUndefined();
  });

  it('reads the scheme as a browser does', () => {
    expect(urlScheme('HTTPS://example.com')).toBe('https');
    expect(urlScheme('/relative:colon')).toBeUndefined();
  });
});
