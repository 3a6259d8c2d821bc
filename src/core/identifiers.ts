/**
 * The identifiers of seed 000 that name a person besides the widget's own `concordId`: what
 * `assent.identify` takes, what the site API links a visitor to, and what the Privacy API
 * filters and exports by. One list, in this order, for the widget and the server.
 */
export const PERSON_IDENTIFIERS = ['userId', 'email', 'phoneNumber', 'projectUserId'] as const;

/** One of {@link PERSON_IDENTIFIERS}. */
export type PersonIdentifier = (typeof PERSON_IDENTIFIERS)[number];
