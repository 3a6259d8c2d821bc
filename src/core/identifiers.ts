/**
 * The identifiers of seed 000 that name a person besides the widget's own `concordId`: what
 * `assent.identify` takes, what the site API links a visitor to, and what the Privacy API
 * filters and exports by. One list, in this order, for the widget and the server.
 */
export const PERSON_IDENTIFIERS = ['userId', 'email', 'phoneNumber', 'projectUserId'] as const;

/** One of {@link PERSON_IDENTIFIERS}. */
export type PersonIdentifier = (typeof PERSON_IDENTIFIERS)[number];

/**
 * The longest identifier any part of Assent stores, looks up or links (issue 22 §5: a
 * 10,000-character `projectUserId` was stored that the Privacy API's filter then refused to look
 * up). 320 is the longest email address (RFC 3696 erratum 1690: 64 + 1 + 255).
 */
export const IDENTIFIER_MAX_LENGTH = 320;
