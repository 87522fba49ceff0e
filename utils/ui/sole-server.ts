/** The one server every user came from, or null when they came from several (or there are none). */
export const soleServer = (users: readonly { server: string }[]): string | null => {
  const [first, ...rest] = users;
  if (!first) return null;
  return rest.every((user) => user.server === first.server) ? first.server : null;
};
