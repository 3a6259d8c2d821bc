import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import type { ConsentType, NoticeTexts } from '../../src/core/types.ts';
import type { Database } from '../db/database.ts';
import { LOOPBACK } from '../http/origin-rule.ts';
import { putApiKey } from '../db/repositories/api-keys.ts';
import { ensureConsentType } from '../db/repositories/consent-types.ts';
import { ensureOrganization } from '../db/repositories/organizations.ts';
import {
  ensureProject,
  findIdentitySecret,
  setIdentitySecret,
  type Project,
} from '../db/repositories/projects.ts';
import { createSecret } from '../crypto/random-secret.ts';
import { sha256 } from '../crypto/sha256.ts';
import { createPassword, hashPassword, verifyPassword } from '../accounts/password.ts';
import { findMemberByEmail, insertMember, setMemberPassword } from '../db/repositories/members.ts';
import { ENGLISH_NOTICE_TEXTS } from '../../src/core/english-notice-texts.ts';

export const DEMO_ORGANIZATION_ID = '00000000-0000-4000-8000-00000000000a';
export const DEMO_PROJECT_ID = '00000000-0000-4000-8000-00000000000b';
export const DEMO_ORGANIZATION_SLUG = 'demo-organization';
export const DEMO_PROJECT_SLUG = 'demo-project';
export const DEMO_OWNER_ID = '00000000-0000-4000-8000-0000000000d1';
export const DEMO_OWNER_EMAIL = 'owner@demo.example';

const TEXTS: Record<string, NoticeTexts> = {
  en: {
    ...ENGLISH_NOTICE_TEXTS,
    // The shop's own heading and text; the labels are the widget's English.
    title: 'We value your privacy',
    description:
      'Northwind Coffee uses cookies to keep your cart and account working. With your consent we also measure visits and show you our offers elsewhere. You can change your choice at any time.',
  },
  de: {
    title: 'Ihre Privatsphäre ist uns wichtig',
    description:
      'Northwind Coffee verwendet Cookies, damit Warenkorb und Konto funktionieren. Mit Ihrer Einwilligung messen wir außerdem Besuche und zeigen Ihnen unsere Angebote auch anderswo. Sie können Ihre Wahl jederzeit ändern.',
    acceptAll: 'Alle akzeptieren',
    rejectAll: 'Alle ablehnen',
    customize: 'Auswählen',
    save: 'Auswahl speichern',
    alwaysOn: 'Immer aktiv',
    privacyPolicy: 'Datenschutzerklärung',
  },
  fr: {
    title: 'Votre vie privée compte',
    description:
      'Northwind Coffee utilise des cookies pour faire fonctionner votre panier et votre compte. Avec votre accord, nous mesurons aussi les visites et vous montrons nos offres ailleurs. Vous pouvez changer d’avis à tout moment.',
    acceptAll: 'Tout accepter',
    rejectAll: 'Tout refuser',
    customize: 'Choisir',
    save: 'Enregistrer mes choix',
    alwaysOn: 'Toujours actif',
    privacyPolicy: 'Politique de confidentialité',
  },
};

/** The "Northwind Coffee" demo shop; it takes sessions from any loopback origin. */
export const DEMO_PROJECT: Project = {
  id: DEMO_PROJECT_ID,
  organizationId: DEMO_ORGANIZATION_ID,
  name: 'Northwind Coffee',
  allowedOrigins: [LOOPBACK],
  defaultConsentDuration: 'P6M',
  texts: TEXTS,
  defaultLanguage: 'en',
  privacyPolicyUrl: '/privacy.html',
  theme: { accent: '#1f5f8b' },
  googleConsentMode: { adsDataRedaction: true, urlPassthrough: true },
};

const CHOICE_STATES: ConsentType['validStates'] = ['viewed', 'accepted', 'declined', 'implied'];

export const DEMO_CONSENT_TYPES: ConsentType[] = [
  {
    id: '00000000-0000-4000-8000-0000000000c1',
    category: 'privacy_setting',
    label: 'necessary',
    version: 1,
    name: 'Strictly necessary',
    description:
      'Keeps your cart and your login working and protects the shop against fraud and attacks. The shop cannot work without it.',
    required: true,
    readOnly: true,
    validStates: ['accepted'],
    status: 'active',
    consentDuration: 'P12M',
  },
  {
    id: '00000000-0000-4000-8000-0000000000c2',
    category: 'privacy_setting',
    label: 'analytics',
    version: 1,
    name: 'Analytics',
    description:
      'Counts visits and measures which pages are used, so that we can improve the shop. No data is sold.',
    required: false,
    readOnly: false,
    validStates: CHOICE_STATES,
    status: 'active',
    consentDuration: 'P6M',
    cookies: ['_ga', '_ga_*', '_nw_an*'],
  },
  {
    id: '00000000-0000-4000-8000-0000000000c3',
    category: 'privacy_setting',
    label: 'marketing',
    // Advertising partners: a "sale or sharing" under US state laws, declined by GPC.
    subcategory: 'sale_or_sharing',
    version: 1,
    name: 'Marketing',
    description:
      'Lets our advertising partners show you Northwind Coffee offers on other sites and measure how they do.',
    required: false,
    readOnly: false,
    validStates: CHOICE_STATES,
    status: 'active',
    consentDuration: 'P6M',
    cookies: ['_nw_px', '_fbp', '_gcl_*'],
  },
  {
    id: '00000000-0000-4000-8000-0000000000c4',
    category: 'disclosure',
    label: 'privacy_policy',
    version: 1,
    name: 'Privacy policy',
    description: 'How Northwind Coffee collects, uses and protects your personal data.',
    url: '/privacy.html',
    required: false,
    readOnly: false,
    validStates: ['viewed', 'accepted'],
    status: 'active',
  },
  {
    // Listed in the preference center only for visitors the site identified (assent.identify).
    id: '00000000-0000-4000-8000-0000000000c5',
    category: 'communication',
    label: 'newsletter',
    version: 1,
    name: 'Newsletter',
    description:
      'A monthly email with new coffees, brewing tips and offers. Unsubscribe at any time.',
    required: false,
    readOnly: false,
    validStates: ['viewed', 'accepted', 'declined'],
    status: 'active',
    consentDuration: 'P24M',
  },
];

/** Where a generated demo API key is kept in plain text, so that it can be shown on every start. */
export interface KeyStore {
  read(): Promise<string | undefined>;
  write(key: string): Promise<void>;
}

/** A key store in one file, readable by its owner only. */
export function fileKeyStore(path: string): KeyStore {
  return {
    async read() {
      try {
        return (await readFile(path, 'utf8')).trim() || undefined;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    write: (key) => writeFile(path, `${key}\n`, { mode: 0o600 }),
  };
}

export interface SeedOptions {
  /** `$ASSENT_ADMIN_KEY`: when set, the demo organization's key is this one. */
  adminKey?: string;
  /** Keeps a generated key between starts. */
  keyStore: KeyStore;
  /** `$ASSENT_ADMIN_PASSWORD`: when set, the demo owner's password is this one. */
  ownerPassword?: string;
  /**
   * Keeps a generated owner password between starts, like the key. Without it and without
   * `ownerPassword` no demo owner is made.
   */
  passwordStore?: KeyStore;
}

/**
 * Creates the demo organization, project and consent types unless they exist (rows already there
 * are left as they are), and makes sure the demo organization's API key is the admin key, or the
 * stored generated one, or a newly generated one. Returns the key in plain text.
 */
export async function seedDemo(
  db: Database,
  options: SeedOptions,
): Promise<{ apiKey: string; ownerPassword?: string }> {
  let apiKey = options.adminKey;
  if (!apiKey) {
    apiKey = await options.keyStore.read();
    if (!apiKey) {
      apiKey = createSecret();
      await options.keyStore.write(apiKey);
    }
  }
  const keyHash = sha256(apiKey);
  await db.transaction(async (tx) => {
    await ensureOrganization(tx, {
      id: DEMO_ORGANIZATION_ID,
      name: 'Northwind Coffee Co.',
      slug: DEMO_ORGANIZATION_SLUG,
    });
    // The defaults of seed 002's path. (Not in DEMO_PROJECT: tests copy it into other projects.)
    await ensureProject(tx, { ...DEMO_PROJECT, slug: DEMO_PROJECT_SLUG });
    for (const type of DEMO_CONSENT_TYPES) await ensureConsentType(tx, DEMO_PROJECT_ID, type);
    await putApiKey(tx, {
      id: randomUUID(),
      organizationId: DEMO_ORGANIZATION_ID,
      name: 'demo',
      keyHash,
    });
  });
  const ownerPassword = await seedDemoOwner(db, options);
  return { apiKey, ...(ownerPassword !== undefined && { ownerPassword }) };
}

/**
 * Makes `owner@demo.example` the demo organization's owner with the given password, or the
 * stored generated one, or a new one; an existing owner's password is replaced only when it is
 * not already that one (a password set in the console survives restarts without the variable).
 */
async function seedDemoOwner(db: Database, options: SeedOptions): Promise<string | undefined> {
  let password = options.ownerPassword;
  if (!password && options.passwordStore) {
    password = await options.passwordStore.read();
    if (!password) {
      password = createPassword();
      await options.passwordStore.write(password);
    }
  }
  if (!password) return undefined;
  const existing = await findMemberByEmail(db, DEMO_OWNER_EMAIL);
  if (!existing) {
    await insertMember(db, {
      id: DEMO_OWNER_ID,
      organizationId: DEMO_ORGANIZATION_ID,
      email: DEMO_OWNER_EMAIL,
      role: 'owner',
      passwordHash: await hashPassword(password),
    });
  } else if (options.ownerPassword && !(await verifyPassword(password, existing.passwordHash))) {
    await setMemberPassword(db, existing.id, await hashPassword(password));
  }
  return password;
}

/**
 * Makes sure the demo project has an identity secret (migration 032): `$ASSENT_IDENTITY_SECRET`
 * when given, else the one it has, else a newly generated one. Returns it in plain text, to be
 * printed beside the API key: the demo's backend (`POST /demo/identity-token`) signs with it, and
 * a site's own backend would.
 */
export async function ensureDemoIdentitySecret(db: Database, given?: string): Promise<string> {
  return db.transaction(async (tx) => {
    const stored = await findIdentitySecret(tx, DEMO_PROJECT_ID);
    const secret = given ?? stored ?? createSecret();
    if (secret !== stored) await setIdentitySecret(tx, DEMO_PROJECT_ID, secret);
    return secret;
  });
}
