/** A cost at one size, per user. */
export interface PerUser {
  users: number;
  perUser: number;
}

export interface Growth {
  from: PerUser;
  to: PerUser;
  /** to.perUser / from.perUser: above 1, a user costs more in the larger list. */
  ratio: number;
}

/**
 * The worst growth of the cost per user from any size to any larger one. Linear scaling keeps it near 1;
 * a cost per user that falls with size (fixed costs spread thinner) never counts against it.
 */
export const worstGrowth = (points: readonly PerUser[]): Growth | null => {
  const sorted = [...points].filter((point) => Number.isFinite(point.perUser)).sort((a, b) => a.users - b.users);
  let worst: Growth | null = null;
  for (const [index, from] of sorted.entries()) {
    for (const to of sorted.slice(index + 1)) {
      const ratio = to.perUser / from.perUser;
      if (!worst || ratio > worst.ratio) worst = { from, to, ratio };
    }
  }
  return worst;
};
