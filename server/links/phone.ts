import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * A person's phone number as E.164 (seed 004): `+919876543210` as given, or a 10-digit national
 * number with the organization's default calling code (`+91` unless the organization set
 * another). Checked against Google's numbering plans (`libphonenumber-js`, full metadata), so a
 * number of the right length that no plan gives out is refused too. `undefined` when invalid.
 */
export function normalizePhone(input: string, defaultCallingCode: string): string | undefined {
  const text = input.trim().replace(/[\s().-]/g, '');
  let candidate: string;
  if (/^\+[1-9]\d{6,14}$/.test(text)) candidate = text;
  else if (/^\d{10}$/.test(text)) candidate = `${defaultCallingCode}${text}`;
  else return undefined;
  const parsed = parsePhoneNumberFromString(candidate);
  return parsed?.isValid() ? parsed.number : undefined;
}
