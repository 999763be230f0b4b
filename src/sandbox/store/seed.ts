/**
 * Deterministic demo data (`seed: 'demo'`): one team with three lists, six tags, ~5,000 contacts
 * and 500 companies that look real (names with accents, emails on company domains,
 * LinkedIn URLs, positions that fit each list). The same options always give the same
 * uuids and values, so tests and demos can rely on them.
 */
import { COMPANY_FIELD_NAMES, CONTACT_FIELD_NAMES } from './records';
import { TeamStore } from './team-store';

export interface SeedOptions {
  readonly contacts: number;
  readonly companies: number;
}

/** mulberry32: small, fast, good enough for fake data. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function hex32(random: Random): string {
  return Math.floor(random() * 0x100000000).toString(16).padStart(8, '0');
}

function uuidFrom(random: Random): string {
  const s = hex32(random) + hex32(random) + hex32(random) + hex32(random);
  const variant = (8 + Math.floor(random() * 4)).toString(16);
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20, 32)}`;
}

function ascii(value: string): string {
  return value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
}

function slug(value: string): string {
  return value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Seconds after a fixed epoch, so timestamps are deterministic too. */
function stamp(secondsAfter: number): string {
  return new Date(Date.UTC(2026, 9, 1, 8, 0, 0) + secondsAfter * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const FIRST_NAMES = ['Anna', 'Jonas', 'Lena', 'Lukas', 'Mia', 'Felix', 'Sophie', 'Maximilian', 'Emma', 'Leon', 'Hannah', 'Paul', 'Clara', 'Elias', 'Marie', 'Jürgen', 'Zoë', 'Björn', 'Chloé', 'José', 'Olivia', 'Oliver', 'Amelia', 'George', 'Isla', 'Harry', 'Ava', 'Noah', 'Grace', 'Jack', 'Priya', 'Arjun', 'Mei', 'Hiroshi', 'Fatima', 'Omar', 'Sofia', 'Mateo', 'Ingrid', 'Lars', 'Aoife', 'Ciarán', 'Kasia', 'Tomasz', 'Elena', 'Dmitri', 'Laura', 'Daniel', 'Sarah', 'Michael', 'Emily', 'David', 'Jessica', 'James', 'Ashley', 'Robert', 'Nadia', 'Malik', 'Ana', 'François'];
const LAST_NAMES = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Schäfer', 'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Wright', 'García', 'Martínez', 'López', 'Rossi', 'Bianchi', 'Dubois', 'Lefèvre', 'Novak', 'Kowalski', 'Nowak', 'Andersson', 'Johansson', "O'Brien", 'Murphy', 'Kelly', 'Nguyen', 'Tanaka', 'Sato', 'Kim', 'Chen', 'Singh', 'Khan', 'Haddad', 'Cohen', 'Levi', 'Miller', 'Davis', 'Anderson', 'Thomas', 'Moore', 'Martin', 'Lee', 'Walker', 'Hall', 'Young'];
const COMPANY_STEMS = ['Nordwind', 'Bluefin', 'Helix', 'Quantum Leaf', 'Brightline', 'Kestrel', 'Northstar', 'Lumen', 'Ironbark', 'Silverpine', 'Cobalt', 'Tidewater', 'Redwood', 'Arcadia', 'Falcon', 'Granite', 'Horizon', 'Juniper', 'Keystone', 'Lighthouse', 'Meridian', 'Nimbus', 'Orchid', 'Pioneer', 'Quarry', 'Riverbend', 'Summit', 'Terra', 'Umbra', 'Vantage', 'Willow', 'Zephyr', 'Alpenglow', 'Spree', 'Havel', 'Thames', 'Brookside', 'Copperfield', 'Driftwood', 'Evergreen'];
const COMPANY_KINDS = ['Analytics', 'Robotics', 'Labs', 'Software', 'Logistics', 'Health', 'Energy', 'Payments', 'Security', 'Cloud', 'Data', 'Systems', 'Studios', 'Networks', 'Biotech', 'Capital', 'Mobility', 'AI'];
const COMPANY_SUFFIXES = ['GmbH', 'Ltd', 'Inc.', 'AG', '', '', '', 'LLC', 'SE', 'B.V.'];
const INDUSTRIES = ['Computer Software', 'Information Technology & Services', 'Financial Services', 'Hospital & Health Care', 'Logistics & Supply Chain', 'Renewables & Environment', 'Marketing & Advertising', 'Biotechnology', 'Automotive', 'E-Learning'];
const EMPLOYEE_RANGES = ['1-10', '11-50', '51-200', '201-500', '501-1000', '1001-5000', '5001-10000'];
const TLDS = ['.com', '.io', '.de', '.co.uk', '.ai', '.eu'];
const TAGS = ['webinar-2026', 'conference', 'warm', 'newsletter', 'partner', 'inbound'];

interface Persona {
  readonly listName: string;
  readonly share: number; // out of 10
  readonly positions: readonly string[];
  readonly places: readonly string[];
  readonly phonePrefix: string;
}

const PERSONAS: readonly Persona[] = [
  { listName: 'Demo: Berlin CTOs', share: 4, positions: ['CTO', 'Chief Technology Officer', 'CTO & Co-Founder', 'VP Engineering', 'Head of Engineering', 'Technical Director'], places: ['Berlin, Germany', 'Berlin-Mitte, Berlin, Germany', 'Potsdam, Brandenburg, Germany', 'Berlin Metropolitan Area'], phonePrefix: '+49 30 ' },
  { listName: 'Demo: London Marketing Leads', share: 3, positions: ['Head of Marketing', 'CMO', 'Marketing Director', 'Growth Lead', 'VP Marketing', 'Demand Generation Manager'], places: ['London, England, United Kingdom', 'Greater London, United Kingdom', 'Manchester, England, United Kingdom', 'Cambridge, England, United Kingdom'], phonePrefix: '+44 20 ' },
  { listName: 'Demo: SaaS Founders (US)', share: 3, positions: ['Founder & CEO', 'Co-Founder', 'CEO', 'Founder', 'Co-Founder & COO', 'Managing Partner'], places: ['San Francisco, California, United States', 'New York, New York, United States', 'Austin, Texas, United States', 'Boston, Massachusetts, United States', 'Seattle, Washington, United States'], phonePrefix: '+1 415 ' },
];

interface SeedCompany {
  readonly name: string;
  readonly domain: string;
}

function digits(random: Random, count: number): string {
  return Math.floor(random() * 10 ** count).toString().padStart(count, '0');
}

function makeCompanies(random: Random, count: number): SeedCompany[] {
  const used = new Set<string>();
  const out: SeedCompany[] = [];
  for (let i = 0; out.length < Math.max(count, 1); i += 1) {
    const stem = pick(random, COMPANY_STEMS);
    const kind = pick(random, COMPANY_KINDS);
    const base = `${stem} ${kind}`;
    const name = used.has(base) ? `${base} ${Math.floor(i / 100) + 2}` : base;
    if (used.has(name)) continue;
    used.add(name);
    const suffix = pick(random, COMPANY_SUFFIXES);
    out.push({ name: suffix === '' ? name : `${name} ${suffix}`, domain: `${ascii(name)}${pick(random, TLDS)}` });
  }
  return out;
}

function addSeedCompany(store: TeamStore, random: Random, company: SeedCompany, index: number, listUuids: readonly string[]): void {
  const values: Record<string, string> = {
    name: company.name,
    domain: company.domain,
    website: `https://www.${company.domain}`,
    linkedin_id: `https://www.linkedin.com/company/${slug(company.name)}`,
    industry: pick(random, INDUSTRIES),
    employees_range: pick(random, EMPLOYEE_RANGES),
    hq_raw_address: pick(random, pick(random, PERSONAS).places),
    phone: `+49 30 ${digits(random, 7)}`,
    about: `${company.name} builds ${pick(random, COMPANY_KINDS).toLowerCase()} products for ${pick(random, INDUSTRIES).toLowerCase()} teams.`,
    facebook: random() < 0.4 ? `https://www.facebook.com/${ascii(company.name)}` : '',
    twitter: random() < 0.5 ? `@${ascii(company.name).slice(0, 15)}` : '',
    tags: random() < 0.3 ? pick(random, TAGS) : '',
  };
  const lists = listUuids.length > 0 && random() < 0.6 ? [pick(random, listUuids)] : [];
  const at = stamp(index * 53);
  store.companies.addWithValues(COMPANY_FIELD_NAMES.map((f) => values[f] ?? ''), at, lists, uuidFrom(random));
}

function personaFor(index: number): { persona: Persona; list: number } {
  const slot = index % 10;
  let upTo = 0;
  for (const [list, persona] of PERSONAS.entries()) {
    upTo += persona.share;
    if (slot < upTo) return { persona, list };
  }
  return { persona: PERSONAS[0] as Persona, list: 0 };
}

function addSeedContact(store: TeamStore, random: Random, index: number, company: SeedCompany, listUuids: readonly string[], usedEmails: Set<string>): void {
  const { persona, list } = personaFor(index);
  const first = pick(random, FIRST_NAMES);
  const last = pick(random, LAST_NAMES);
  let local = `${ascii(first)}.${ascii(last)}`;
  if (usedEmails.has(`${local}@${company.domain}`)) local = `${local}${index}`;
  usedEmails.add(`${local}@${company.domain}`);
  const position = pick(random, persona.positions);
  const values: Record<string, string> = {
    first_name: first,
    last_name: last,
    name: `${first} ${last}`,
    company_name: company.name,
    position,
    headline: `${position} at ${company.name}`,
    about: random() < 0.3 ? `${position} with ${2 + Math.floor(random() * 20)} years in ${pick(random, INDUSTRIES).toLowerCase()}.` : '',
    raw_address: pick(random, persona.places),
    work_email: `${local}@${company.domain}`,
    personal_email: random() < 0.2 ? `${ascii(first)}${ascii(last)}${index}@gmail.com` : '',
    work_phone_number: random() < 0.5 ? `${persona.phonePrefix}${digits(random, 7)}` : '',
    personal_phone_number: random() < 0.2 ? `+49 151 ${digits(random, 8)}` : '',
    linkedin_id: `https://www.linkedin.com/in/${slug(`${first}-${last}`)}-${index.toString(36)}${digits(random, 3)}`,
    facebook: '',
    twitter: random() < 0.15 ? `@${ascii(first)}${ascii(last)}`.slice(0, 15) : '',
    tags: random() < 0.25 ? pick(random, TAGS) : '',
  };
  const at = stamp(index * 37);
  store.contacts.addWithValues(CONTACT_FIELD_NAMES.map((f) => values[f] ?? ''), at, listUuids[list] ?? '', uuidFrom(random));
}

export function seedDemo(options: SeedOptions): TeamStore {
  const store = new TeamStore();
  const random = prng(20261128);
  const listUuids = PERSONAS.map((persona, i) => store.createList(persona.listName, uuidFrom(random), stamp(-86_400 * (30 - i))).uuid);
  const companies = makeCompanies(random, options.companies);
  companies.slice(0, options.companies).forEach((company, i) => addSeedCompany(store, random, company, i, listUuids));
  const usedEmails = new Set<string>();
  for (let i = 0; i < options.contacts; i += 1) {
    addSeedContact(store, random, i, pick(random, companies), listUuids, usedEmails);
  }
  // A stream of their own, so adding tags left the contacts' uuids and values as they were.
  const tagRandom = prng(20261201);
  TAGS.forEach((name, i) => store.createTag(name, uuidFrom(tagRandom), stamp(-86_400 * (20 - i))));
  return store;
}
