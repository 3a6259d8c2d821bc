import { isIPv4, isIPv6 } from 'node:net';

/**
 * The network an address belongs to, as stored instead of the address (data minimisation,
 * GDPR art. 5(1)(c)): IPv4 keeps its /24 (`203.0.113.77` → `203.0.113.0`), IPv6 its /48
 * (`2001:db8:1:2::5` → `2001:db8:1::`), enough to tell regions and abuse apart, not people.
 * Anything else is dropped.
 */
export function truncateIpAddress(address: string): string | undefined {
  if (isIPv4(address)) return address.split('.').slice(0, 3).concat('0').join('.');
  if (!isIPv6(address)) return undefined;
  const [head = '', tail = ''] = address.toLowerCase().split('%')[0]!.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === '' ? [] : tail.split(':');
  // An embedded IPv4 tail (`::ffff:1.2.3.4`) counts as two groups.
  const width = (groups: string[]) => groups.reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);
  const missing = 8 - width(headGroups) - width(tailGroups);
  const groups = address.includes('::')
    ? [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups]
    : headGroups;
  return `${groups
    .slice(0, 3)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::`;
}
