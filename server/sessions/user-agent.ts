import { UAParser } from 'ua-parser-js';

/** What a session keeps of a User-Agent header besides the raw text. */
export interface UserAgentSummary {
  browser?: string;
  os?: string;
  /** `mobile`, `tablet`, …; ua-parser-js leaves desktops undefined, kept here as `desktop`. */
  device: string;
}

export function describeUserAgent(userAgent: string): UserAgentSummary {
  const result = new UAParser(userAgent).getResult();
  const browser = [result.browser.name, result.browser.version].filter(Boolean).join(' ');
  const os = [result.os.name, result.os.version].filter(Boolean).join(' ');
  return {
    ...(browser && { browser }),
    ...(os && { os }),
    device: result.device.type ?? 'desktop',
  };
}
