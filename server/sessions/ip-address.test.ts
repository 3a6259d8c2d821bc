import { describe, expect, it } from 'vitest';
import { truncateIpAddress } from './ip-address.ts';

describe('truncateIpAddress', () => {
  it('keeps the /24 of an IPv4 address', () => {
    expect(truncateIpAddress('203.0.113.77')).toBe('203.0.113.0');
  });

  it('keeps the /48 of an IPv6 address, compressed or not', () => {
    expect(truncateIpAddress('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1::');
    expect(truncateIpAddress('2001:0DB8:0001:0002::5')).toBe('2001:db8:1::');
    expect(truncateIpAddress('2001:db8::1')).toBe('2001:db8:0::');
    expect(truncateIpAddress('::1')).toBe('0:0:0::');
    expect(truncateIpAddress('fe80::1%eth0')).toBe('fe80:0:0::');
  });

  it('drops anything that is not an address', () => {
    expect(truncateIpAddress('localhost')).toBeUndefined();
    expect(truncateIpAddress('')).toBeUndefined();
  });
});
