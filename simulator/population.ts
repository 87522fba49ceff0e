import type { Random } from './random.ts';

/** One monitored account, with fields named as the wire format names them. */
export interface SimUser {
  user_id: string;
  phone: string;
  token: string;
}

// Numeric string ids, like the document's "12345".
const FIRST_USER_ID = 10000;

// Mainland mobile prefixes of the kinds the document shows (13x) plus other common ones.
const PHONE_PREFIXES = [
  '130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159',
  '180 181 182 183 184 185 186 187 188 189 191 193 195 196 197 198 199',
].flatMap((line) => line.split(' '));

// One draw per field keeps generating 300,000 users well under a second.
const PHONE_SUFFIXES = 100_000_000;
const TOKEN_VALUES = 36 ** 6;

const randomPhone = (random: Random): string => {
  const prefix = PHONE_PREFIXES[random.below(PHONE_PREFIXES.length)] ?? '138';
  return `${prefix}${String(random.below(PHONE_SUFFIXES)).padStart(8, '0')}`;
};

// The server only ever shows a token's first characters, as in the document's "abc123...".
const randomToken = (random: Random): string => `${random.below(TOKEN_VALUES).toString(36).padStart(6, '0')}...`;

/** The same random stream always yields the same users, in the same order. */
export const createPopulation = (count: number, random: Random): SimUser[] => {
  const users: SimUser[] = [];
  for (let index = 0; index < count; index += 1) {
    users.push({ user_id: String(FIRST_USER_ID + index), phone: randomPhone(random), token: randomToken(random) });
  }
  return users;
};
