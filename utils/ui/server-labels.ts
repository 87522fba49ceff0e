/** Server id to the name the pages show, for the rows of a list that mixes several servers. */
export const serverLabels = (servers: readonly { id: string; label: string }[]): ReadonlyMap<string, string> =>
  new Map(servers.map((server) => [server.id, server.label]));
